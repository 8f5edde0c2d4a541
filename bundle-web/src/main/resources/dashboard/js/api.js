// The REST resources next to the dashboard. The browser sends the login it gave for the page
// (same origin); URLs are built on location.origin so that a page opened as
// http://user:password@host/... never puts the credentials into a request URL.

const BASE = '/onos/apptrack/v1';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(path, params = {}) {
  const url = new URL(BASE + path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, body.message || `${response.status} ${response.statusText}`);
  }
  return body;
}

export const traffic = (window) => getJson('/dashboard/traffic', { window });
export const top = (by, window, limit = 10) => getJson('/dashboard/top', { by, window, limit });
export const sessions = (filters) => getJson('/sessions', filters);
export const sessionRecords = (sessionId) => getJson('/log-records', { 'session-id': sessionId });
export const appQoePaths = () => getJson('/appqoe/paths');
export const appQoeHistory = (window) => getJson('/appqoe/history', { window });
export const appQoeApplications = () => getJson('/appqoe/applications');
export const appQoeSwitches = (limit = 20) => getJson('/appqoe/switches', { limit });
export const logStreams = () => getJson('/log-streams');
export const logRecords = (limit = 50) => getJson('/log-records', { limit });
