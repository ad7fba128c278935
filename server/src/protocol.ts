// Custom requests between client and server: the only server file the client imports.
// (Issue 5 adds `pbx/simulateDial` here.)
export const SERVER_NAME = 'PBX Interconnect';
export const SETTINGS_SECTION = 'pbx';
