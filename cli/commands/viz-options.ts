// The viz command's options: what its registration (viz.ts) and its action (viz-command.ts) share.
export const VIZ_PORT_DEFAULT = 5173;

export interface VizFlags {
  readonly port: string;
  readonly open: boolean;
  readonly build?: boolean;
}
