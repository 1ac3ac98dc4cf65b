/** The part of bpmn-moddle's API the BPMN export tests use (the package ships no typings for it). */
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
  }
}
