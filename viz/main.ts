// Entry of the browser app: styles, views, then the app on #app.
import { App } from './app/app';
import { CHART_CSS } from './views/chart-style';
import { registerBuiltInViews } from './views/index';

const style = document.createElement('style');
style.textContent = CHART_CSS;
document.head.appendChild(style);
registerBuiltInViews();
const app = new App(document.getElementById('app')!);
void app.start();
