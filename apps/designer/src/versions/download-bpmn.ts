import { api } from '../auth/session';

/** Fetches a version as BPMN 2.0 XML (signed in) and hands it to the browser as `<key>-v<n>.bpmn`. */
export async function downloadBpmn(key: string, version: number): Promise<void> {
  const xml = await api.bpmn(key, version);
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${key}-v${version}.bpmn`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: the download keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
