// Report pieces shared by every renderer: sections and the way numbers are written.
export { section, type Section } from './section';
export { bytes, duration, int, interval, magnitude, ms, num, pct } from './numbers';
