import { nodeLabel } from '@caseflow/engine';
import {
  type Edge,
  type FlowDefinition,
  type FlowNode,
  FlowDefinition as FlowSchema,
} from '@caseflow/schema';

/*
 * BPMN 2.0 export of a flow (OMG BPMN 2.0.2, the XSDs bpmn-moddle ships): one process in a
 * collaboration whose lanes are the flow's tiers, every node as its BPMN counterpart, every
 * edge as a sequence flow, and diagram interchange (BPMNDI) placed where the canvas has it.
 *
 *   task → userTask                approval → userTask with parallel multi-instance (one vote each)
 *   action http/customer → serviceTask, set → scriptTask (FEEL)
 *   decision → exclusiveGateway    parallel / join → parallelGateway (diverging / converging)
 *   wait → intermediateCatchEvent with a signal (receiveTask when a timeout leaves it)
 *   timer → intermediateCatchEvent with a timer   subflow → callActivity
 *   notify, survey → sendTask      start / end → startEvent / endEvent
 *   `on: "timeout" | "sla-breached"` edges leave from a timer boundary event, `on: "error"`
 *   from an error boundary event of the activity.
 */

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** The XML element a node becomes. */
export function bpmnElementOf(node: FlowNode, hasBoundary: boolean): string {
  switch (node.type) {
    case 'start':
      return 'startEvent';
    case 'end':
      return 'endEvent';
    case 'task':
    case 'approval':
      return 'userTask';
    case 'action':
      return node.action.kind === 'set' ? 'scriptTask' : 'serviceTask';
    case 'decision':
      return 'exclusiveGateway';
    case 'parallel':
    case 'join':
      return 'parallelGateway';
    case 'wait':
      return hasBoundary ? 'receiveTask' : 'intermediateCatchEvent';
    case 'timer':
      return 'intermediateCatchEvent';
    case 'subflow':
      return 'callActivity';
    case 'notify':
    case 'survey':
      return 'sendTask';
  }
}

const BOUNDARY = new Set(['timeout', 'sla-breached', 'error']);

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A valid NCName from an id of the flow (ids are `[a-z][a-z0-9-]*`, signals are free text). */
const ncname = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_');

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function sizeOf(element: string): { w: number; h: number } {
  if (element.endsWith('Event')) return { w: 36, h: 36 };
  if (element.endsWith('Gateway')) return { w: 50, h: 50 };
  return { w: 120, h: 80 };
}

/**
 * Writes `definition` as a BPMN 2.0 XML document with diagram interchange. Nodes the canvas has
 * not placed go on a grid below the placed ones. Pure; `definition` may be a stored (parsed) or
 * raw flow (it is parsed here).
 */
export function flowToBpmn(definition: FlowDefinition | unknown): string {
  const def = FlowSchema.parse(definition);
  const key = ncname(def.key);
  const processId = `Process_${key}`;
  const collaborationId = `Collaboration_${key}`;
  const participantId = `Participant_${key}`;
  // Every lookup below goes through a map: the export stays linear in nodes and edges.
  const byId = new Map(def.nodes.map((n) => [n.id, n]));
  const edgesFrom = groupBy(def.edges, (edge) => edge.from);
  const flowIds = def.edges.map((e, i) => `Flow_${i + 1}_${ncname(e.from)}_${ncname(e.to)}`);
  const flowIdOf = new Map(def.edges.map((e, i) => [e, flowIds[i]!]));
  const flowId = (edge: Edge) => flowIdOf.get(edge)!;
  const boundaryOf = (edge: Edge) => `Boundary_${ncname(edge.from)}_${ncname(edge.on ?? '')}`;
  const boundaryEdges = new Set(
    def.edges.filter((edge) => {
      const from = byId.get(edge.from);
      return (
        edge.on !== undefined &&
        BOUNDARY.has(edge.on) &&
        from !== undefined &&
        ['task', 'approval', 'wait', 'action', 'subflow'].includes(from.type)
      );
    }),
  );
  const isBoundary = (edge: Edge) => boundaryEdges.has(edge);
  const typeOf = (id: string) => byId.get(id)?.type ?? '';
  const hasBoundary = (id: string) => (edgesFrom.get(id) ?? []).some(isBoundary);
  const elementOf = new Map(def.nodes.map((n) => [n.id, bpmnElementOf(n, hasBoundary(n.id))]));

  // Sources and targets of each sequence flow (a boundary event is the source of its edge).
  const sourceOf = (edge: Edge) => (isBoundary(edge) ? boundaryOf(edge) : edge.from);
  const outgoing = groupBy(def.edges, sourceOf, flowId);
  const incoming = groupBy(def.edges, (edge) => edge.to, flowId);
  const flowRefs = (id: string) =>
    [
      ...(incoming.get(id) ?? []).map((f) => `<bpmn:incoming>${f}</bpmn:incoming>`),
      ...(outgoing.get(id) ?? []).map((f) => `<bpmn:outgoing>${f}</bpmn:outgoing>`),
    ].join('');

  const signals = new Map<string, string>();
  const signalRef = (name: string) => {
    const id = `Signal_${ncname(name)}`;
    signals.set(id, name);
    return id;
  };
  const doc = (text: string) => `<bpmn:documentation>${esc(text)}</bpmn:documentation>`;
  const expr = (tag: string, body: string) =>
    `<bpmn:${tag} xsi:type="bpmn:tFormalExpression">${esc(body)}</bpmn:${tag}>`;

  const nodeXml = (node: FlowNode): string => {
    const element = elementOf.get(node.id)!;
    const attrs = [`id="${node.id}"`, `name="${esc(nodeLabel(node))}"`];
    const docs: string[] = [];
    let tail = '';
    switch (node.type) {
      case 'start':
        if (node.trigger.kind === 'signal' && node.trigger.signal)
          tail = `<bpmn:signalEventDefinition signalRef="${signalRef(node.trigger.signal)}"/>`;
        docs.push(`trigger: ${node.trigger.kind}`);
        break;
      case 'end':
        docs.push(`outcome: ${node.outcome}`);
        if (node.outcome !== 'resolved') tail = '<bpmn:terminateEventDefinition/>';
        break;
      case 'task': {
        const who = node.assign.tier ?? node.assign.group ?? node.assign.user;
        docs.push(`outcomes: ${node.outcomes.join(', ')}${who ? `; assigned to ${who}` : ''}`);
        if (node.sla) docs.push(`SLA ${node.sla.target}, on breach: ${node.sla.onBreach}`);
        break;
      }
      case 'approval':
        docs.push(
          `approvers: ${node.approvers.group ? `group ${node.approvers.group}` : (node.approvers.users ?? []).join(', ')}; policy: ${node.policy.kind}${node.policy.kind === 'quorum' ? ` ${node.policy.count}` : ''}`,
        );
        tail = '<bpmn:multiInstanceLoopCharacteristics isSequential="false"/>';
        break;
      case 'action':
        if (node.action.kind === 'set') {
          attrs.push('scriptFormat="FEEL"');
          const script = Object.entries(node.action.values)
            .map(([name, value]) => `${name} := ${value}`)
            .join('\n');
          tail = `<bpmn:script>${esc(script)}</bpmn:script>`;
        } else docs.push(`action: ${node.action.kind}`);
        break;
      case 'wait':
        docs.push(`waits for signal "${node.signal}"${node.timeout ? `, timeout ${node.timeout}` : ''}`);
        if (element === 'intermediateCatchEvent')
          tail = `<bpmn:signalEventDefinition signalRef="${signalRef(node.signal)}"/>`;
        break;
      case 'timer':
        tail = `<bpmn:timerEventDefinition>${
          node.duration ? expr('timeDuration', node.duration) : expr('timeDate', node.until ?? '')
        }</bpmn:timerEventDefinition>`;
        if (node.calendar) docs.push(`business calendar: ${node.calendar}`);
        break;
      case 'subflow':
        attrs.push(`calledElement="Process_${ncname(node.flow)}"`);
        break;
      case 'notify':
        docs.push(`notify ${node.to} with template ${node.template}`);
        break;
      case 'survey':
        docs.push(`${node.survey.toUpperCase()} survey to ${node.to}`);
        break;
      case 'decision': {
        const fallback = (edgesFrom.get(node.id) ?? []).find((e) => e.default);
        if (fallback) attrs.push(`default="${flowId(fallback)}"`);
        break;
      }
      case 'parallel':
        attrs.push('gatewayDirection="Diverging"');
        break;
      case 'join':
        attrs.push('gatewayDirection="Converging"');
        break;
    }
    if (node.description) docs.unshift(node.description);
    // Schema order: documentation, incoming/outgoing, then the element's own children.
    return `<bpmn:${element} ${attrs.join(' ')}>${docs.map(doc).join('')}${flowRefs(node.id)}${tail}</bpmn:${element}>`;
  };

  const boundaryXml = [...boundaryEdges].map((edge) => {
    const id = boundaryOf(edge);
    const definition =
      edge.on === 'error'
        ? '<bpmn:errorEventDefinition/>'
        : `<bpmn:timerEventDefinition>${expr('timeDuration', timeoutOf(byId.get(edge.from)!, edge))}</bpmn:timerEventDefinition>`;
    return `<bpmn:boundaryEvent id="${id}" name="${esc(edge.on!)}" attachedToRef="${edge.from}"${
      edge.on === 'error' ? '' : ' cancelActivity="true"'
    }>${flowRefs(id)}${definition}</bpmn:boundaryEvent>`;
  });
  // One boundary event per (node, kind): several edges of the same kind share it.
  const boundaries = [...new Set(boundaryXml)];

  const flowXml = def.edges.map((edge, i) => {
    const label = edge.label ?? (edge.on && !isBoundary(edge) ? edge.on : undefined);
    const condition = edge.when
      ? expr('conditionExpression', edge.when)
      : edge.on && !isBoundary(edge) && ['task', 'approval'].includes(typeOf(edge.from))
        ? expr('conditionExpression', `${edge.from}.result = "${edge.on}"`)
        : '';
    return `<bpmn:sequenceFlow id="${flowIds[i]}"${label ? ` name="${esc(label)}"` : ''} sourceRef="${sourceOf(edge)}" targetRef="${edge.to}">${condition}</bpmn:sequenceFlow>`;
  });

  const laneOf = (node: FlowNode) => (node.type === 'task' ? node.assign.tier : undefined);
  const membersOf = groupBy(
    def.nodes,
    (n) => laneOf(n) ?? '',
    (n) => n.id,
  );
  const lanes = def.tiers.map((tier) => ({
    id: `Lane_${ncname(tier.id)}`,
    name: `${tier.name} (${tier.group})`,
    members: membersOf.get(tier.id) ?? [],
  }));
  const laneSet =
    lanes.length === 0
      ? ''
      : `<bpmn:laneSet id="LaneSet_${key}">${lanes
          .map(
            (l) =>
              `<bpmn:lane id="${l.id}" name="${esc(l.name)}">${l.members
                .map((m) => `<bpmn:flowNodeRef>${m}</bpmn:flowNodeRef>`)
                .join('')}</bpmn:lane>`,
          )
          .join('')}</bpmn:laneSet>`;

  // --- diagram interchange -----------------------------------------------------------------
  const boxes = new Map<string, Box>();
  let bottom = 0;
  for (const node of def.nodes) bottom = Math.max(bottom, (def.layout[node.id]?.y ?? -Infinity) + 120);
  let spare = 0;
  for (const node of def.nodes) {
    const size = sizeOf(elementOf.get(node.id)!);
    const at = def.layout[node.id] ?? { x: (spare % 6) * 180, y: bottom + Math.floor(spare++ / 6) * 140 };
    boxes.set(node.id, { x: Math.round(at.x), y: Math.round(at.y), ...size });
  }
  const boundaryBoxes = new Map<string, Box>();
  const boundariesOnHost = new Map<string, number>();
  for (const edge of boundaryEdges) {
    const id = boundaryOf(edge);
    if (boundaryBoxes.has(id)) continue;
    const host = boxes.get(edge.from)!;
    const onHost = boundariesOnHost.get(edge.from) ?? 0;
    boundariesOnHost.set(edge.from, onHost + 1);
    boundaryBoxes.set(id, { x: host.x + host.w - 28 - onHost * 40, y: host.y + host.h - 18, w: 36, h: 36 });
  }
  const all = [...boxes.values(), ...boundaryBoxes.values()];
  const frame = bounds(all.length > 0 ? all : [{ x: 0, y: 0, w: 100, h: 100 }], 40);
  frame.x -= 30;
  frame.w += 30;
  const bound = (b: Box) => `<dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}"/>`;
  const shape = (id: string, b: Box, extra = '') =>
    `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}>${bound(b)}</bpmndi:BPMNShape>`;
  const center = (b: Box) => ({ x: Math.round(b.x + b.w / 2), y: Math.round(b.y + b.h / 2) });
  const shapes = [
    shape(participantId, frame, ' isHorizontal="true"'),
    ...lanes.map((l) => {
      const members = l.members.map((m) => boxes.get(m)!);
      const b = members.length > 0 ? bounds(members, 20) : { x: frame.x + 30, y: frame.y, w: 100, h: 40 };
      return shape(l.id, b, ' isHorizontal="true"');
    }),
    ...[...boxes].map(([id, b]) =>
      shape(id, b, elementOf.get(id) === 'exclusiveGateway' ? ' isMarkerVisible="true"' : ''),
    ),
    ...[...boundaryBoxes].map(([id, b]) => shape(id, b)),
  ];
  const edgesDi = def.edges.map((edge, i) => {
    const from = center(boundaryBoxes.get(sourceOf(edge)) ?? boxes.get(edge.from)!);
    const to = center(boxes.get(edge.to)!);
    return `<bpmndi:BPMNEdge id="${flowIds[i]}_di" bpmnElement="${flowIds[i]}"><di:waypoint x="${from.x}" y="${from.y}"/><di:waypoint x="${to.x}" y="${to.y}"/></bpmndi:BPMNEdge>`;
  });

  const nodesXml = def.nodes.map(nodeXml);
  const signalsXml = [...signals].map(([id, name]) => `<bpmn:signal id="${id}" name="${esc(name)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="${NS.bpmn}" xmlns:bpmndi="${NS.bpmndi}" xmlns:dc="${NS.dc}" xmlns:di="${NS.di}" xmlns:xsi="${NS.xsi}" id="Definitions_${key}" targetNamespace="urn:caseflow:flow:${key}" exporter="Caseflow" exporterVersion="1">`,
    `<bpmn:collaboration id="${collaborationId}"><bpmn:participant id="${participantId}" name="${esc(def.name)}" processRef="${processId}"/></bpmn:collaboration>`,
    `<bpmn:process id="${processId}" name="${esc(def.name)}" isExecutable="false">`,
    laneSet,
    ...nodesXml,
    ...boundaries,
    ...flowXml,
    '</bpmn:process>',
    ...signalsXml,
    `<bpmndi:BPMNDiagram id="Diagram_${key}"><bpmndi:BPMNPlane id="Plane_${key}" bpmnElement="${collaborationId}">`,
    ...shapes,
    ...edgesDi,
    '</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The duration a timeout or SLA-breach edge of `node` waits for: its timeout or SLA target. */
function timeoutOf(node: FlowNode, edge: Edge): string {
  if (edge.on === 'sla-breached') return 'sla' in node && node.sla ? node.sla.target : '';
  return 'timeout' in node && typeof node.timeout === 'string' ? node.timeout : '';
}

/** `items` grouped by `key` (in their order), each mapped by `value`. */
function groupBy<T, V = T>(
  items: Iterable<T>,
  key: (item: T) => string,
  value: (item: T) => V = (item) => item as unknown as V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(value(item));
    else groups.set(k, [value(item)]);
  }
  return groups;
}

function bounds(boxes: readonly Box[], pad: number): Box {
  // A loop, not Math.min(...spread): a flow of many nodes would overflow the call stack.
  let [left, top, right, down] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.w);
    down = Math.max(down, b.y + b.h);
  }
  const x = left - pad;
  const y = top - pad;
  return { x, y, w: right + pad - x, h: down + pad - y };
}
