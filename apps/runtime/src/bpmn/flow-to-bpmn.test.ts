import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FlowDefinition, type FlowDefinitionInput } from '@caseflow/schema';
import { BpmnModdle } from 'bpmn-moddle';
import { afterAll, describe, expect, it } from 'vitest';
import { bpmnElementOf, flowToBpmn } from './flow-to-bpmn';

/*
 * The export is checked twice: against the OMG BPMN 2.0 XSD (BPMN20.xsd with Semantic, BPMNDI,
 * DC and DI, as bpmn-moddle ships them) with Debian's xmllint, and by re-opening it with
 * bpmn-moddle, which must find every node, edge and shape without a warning.
 */
const XSD = join(
  dirname(createRequire(import.meta.url).resolve('bpmn-moddle/package.json')),
  'resources/bpmn/xsd/BPMN20.xsd',
);
const examples = join(import.meta.dirname, '../../../../examples/flows');
const tmp = mkdtempSync(join(tmpdir(), 'caseflow-bpmn-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** xmllint's verdict on `xml` against the BPMN 2.0 XSD: '' when valid, else its complaints. */
function xsdErrors(xml: string, name: string): string {
  const file = join(tmp, `${name}.bpmn`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

type Moddle = { $type: string; id: string; [key: string]: unknown };
/** A node of a moddle tree read by path in assertions (moddle's trees are untyped). */
// biome-ignore lint/suspicious/noExplicitAny: assertions walk the untyped tree bpmn-moddle answers
type Tree = any;

async function reopen(xml: string) {
  const moddle = new BpmnModdle();
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const root = rootElement as unknown as {
    rootElements: Moddle[];
    diagrams: Array<{ plane: { planeElement: Moddle[] } }>;
  };
  const process = root.rootElements.find((e) => e.$type === 'bpmn:Process') as Moddle & {
    flowElements: Moddle[];
    laneSets?: Array<{ lanes: Array<Moddle & { flowNodeRef?: Moddle[] }> }>;
  };
  const shapes = root.diagrams[0]!.plane.planeElement;
  return { warnings, root, process, shapes };
}

/** Every node type, a timeout, an SLA breach edge, an http error edge, a decision with a default. */
const everything: FlowDefinitionInput = {
  key: 'everything',
  name: 'Every node & edge <kind>',
  tiers: [
    { id: 'L1', name: 'Desk', group: 'desk' },
    { id: 'L2', name: 'Ops', group: 'ops' },
  ],
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'signal', signal: 'alert raised' } },
    { id: 'set-flag', type: 'action', action: { kind: 'set', values: { flagged: 'true' } } },
    { id: 'call', type: 'action', action: { kind: 'http', connection: 'core', method: 'POST', path: '/x' } },
    { id: 'route', type: 'decision' },
    {
      id: 'triage',
      type: 'task',
      title: 'Triage',
      assign: { tier: 'L1' },
      outcomes: ['ok', 'more'],
      sla: { target: 'PT1H', onBreach: 'edge' },
    },
    {
      id: 'vote',
      type: 'approval',
      title: 'Vote',
      approvers: { group: 'ops' },
      policy: { kind: 'quorum', count: 2 },
      timeout: 'P1D',
    },
    { id: 'await', type: 'wait', signal: 'replied', timeout: 'P3D' },
    { id: 'pause', type: 'wait', signal: 'resume' },
    { id: 'cool', type: 'timer', duration: 'PT1H' },
    { id: 'child', type: 'subflow', flow: 'fraud-check' },
    { id: 'fork', type: 'parallel' },
    { id: 'tell', type: 'notify', to: 'customer', template: 'done' },
    { id: 'ask', type: 'survey', survey: 'csat' },
    { id: 'join', type: 'join' },
    { id: 'done', type: 'end', outcome: 'resolved' },
    { id: 'failed', type: 'end', outcome: 'failed' },
  ],
  edges: [
    { from: 'start', to: 'set-flag' },
    { from: 'set-flag', to: 'call' },
    { from: 'call', to: 'route' },
    { from: 'call', to: 'failed', on: 'error' },
    { from: 'route', to: 'triage', when: 'flagged = true', label: 'flagged' },
    { from: 'route', to: 'cool', default: true },
    { from: 'cool', to: 'triage' },
    { from: 'triage', to: 'vote', on: 'ok' },
    { from: 'triage', to: 'await', on: 'more' },
    { from: 'triage', to: 'vote', on: 'sla-breached' },
    { from: 'await', to: 'triage', on: 'replied' },
    { from: 'await', to: 'failed', on: 'timeout' },
    { from: 'vote', to: 'child', on: 'approved' },
    { from: 'vote', to: 'failed', on: 'rejected' },
    { from: 'vote', to: 'failed', on: 'timeout' },
    { from: 'child', to: 'pause' },
    { from: 'pause', to: 'fork', on: 'resume' },
    { from: 'fork', to: 'tell' },
    { from: 'fork', to: 'ask' },
    { from: 'tell', to: 'join' },
    { from: 'ask', to: 'join' },
    { from: 'join', to: 'done' },
  ],
  layout: { start: { x: 0, y: 100 }, 'set-flag': { x: 120, y: 80 }, triage: { x: 400, y: 80.6 } },
};

describe('flowToBpmn', () => {
  it('has a validator that refuses what the XSD does not allow', () => {
    const broken = flowToBpmn(everything).replace('<bpmn:laneSet', '<bpmn:swimmingPool/><bpmn:laneSet');
    expect(xsdErrors(broken, 'broken')).toMatch(/swimmingPool/);
  });

  const flows = ['lost-card', 'fraud-check', 'password-reset'].map(
    (name) => JSON.parse(readFileSync(join(examples, `${name}.json`), 'utf8')) as FlowDefinitionInput,
  );

  for (const def of [everything, ...flows]) {
    describe(def.key, () => {
      const xml = flowToBpmn(def);
      const parsed = FlowDefinition.parse(def);

      it('is valid against the BPMN 2.0 XSD', () => {
        expect(xsdErrors(xml, def.key)).toBe('');
      });

      it('re-opens with bpmn-moddle with every node, edge, lane and shape', async () => {
        const { warnings, process, shapes } = await reopen(xml);
        expect(warnings).toEqual([]);
        const byId = new Map(process.flowElements.map((e) => [e.id, e]));
        for (const node of parsed.nodes) {
          const element = byId.get(node.id);
          const name = bpmnElementOf(node, element?.$type === 'bpmn:ReceiveTask');
          expect(element?.$type, node.id).toBe(`bpmn:${name[0]!.toUpperCase()}${name.slice(1)}`);
        }
        const flowsOut = process.flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow') as Array<
          Moddle & { sourceRef: Moddle; targetRef: Moddle }
        >;
        expect(flowsOut).toHaveLength(parsed.edges.length);
        parsed.edges.forEach((edge, i) => {
          const flow = flowsOut[i]!;
          expect(flow.targetRef.id).toBe(edge.to);
          const source = flow.sourceRef as Moddle & { attachedToRef?: Moddle };
          expect(source.attachedToRef?.id ?? source.id).toBe(edge.from);
        });
        const lanes = process.laneSets?.[0]?.lanes ?? [];
        expect(lanes.map((l) => l.id)).toEqual(parsed.tiers.map((t) => `Lane_${t.id}`));
        const shaped = new Set(shapes.map((s) => (s as unknown as { bpmnElement: Moddle }).bpmnElement.id));
        for (const element of process.flowElements) expect(shaped.has(element.id), element.id).toBe(true);
        for (const lane of lanes) expect(shaped.has(lane.id)).toBe(true);
      });
    });
  }

  it('maps the kinds of node, boundary events and conditions as BPMN tools expect', async () => {
    const { process, root, shapes } = await reopen(flowToBpmn(everything));
    const el = (id: string) => process.flowElements.find((e) => e.id === id) as Moddle & Record<string, Tree>;
    expect(el('await').$type).toBe('bpmn:ReceiveTask'); // a timeout leaves it: it needs a boundary event
    expect(el('pause').$type).toBe('bpmn:IntermediateCatchEvent');
    expect(el('pause').eventDefinitions[0].signalRef.name).toBe('resume');
    expect(el('start').eventDefinitions[0].signalRef.name).toBe('alert raised');
    expect(el('vote').loopCharacteristics.$type).toBe('bpmn:MultiInstanceLoopCharacteristics');
    expect(el('cool').eventDefinitions[0].timeDuration.body).toBe('PT1H');
    expect(el('child').calledElement).toBe('Process_fraud-check');
    expect(el('route').default.targetRef.id).toBe('cool');
    expect(el('set-flag').script).toBe('flagged := true');
    const boundaries = process.flowElements.filter((e) => e.$type === 'bpmn:BoundaryEvent') as Array<
      Moddle & Record<string, Tree>
    >;
    expect(boundaries.map((b) => [b.attachedToRef.id, b.name, b.eventDefinitions[0].$type])).toEqual([
      ['call', 'error', 'bpmn:ErrorEventDefinition'],
      ['triage', 'sla-breached', 'bpmn:TimerEventDefinition'],
      ['await', 'timeout', 'bpmn:TimerEventDefinition'],
      ['vote', 'timeout', 'bpmn:TimerEventDefinition'],
    ]);
    expect(boundaries.find((b) => b.attachedToRef.id === 'vote')!.eventDefinitions[0].timeDuration.body).toBe(
      'P1D',
    );
    const conditioned = process.flowElements.filter(
      (e) => e.$type === 'bpmn:SequenceFlow' && (e as Tree).conditionExpression,
    ) as Tree[];
    expect(conditioned.map((f) => f.conditionExpression.body)).toEqual([
      'flagged = true',
      'triage.result = "ok"',
      'triage.result = "more"',
      'vote.result = "approved"',
      'vote.result = "rejected"',
    ]);
    expect((process as Tree).laneSets[0].lanes[0].flowNodeRef.map((n: Moddle) => n.id)).toEqual(['triage']);
    expect(
      (
        root.rootElements.find(
          (e) => e.$type === 'bpmn:Participant' || e.$type === 'bpmn:Collaboration',
        ) as Tree
      ).participants[0].name,
    ).toBe('Every node & edge <kind>');
    // The canvas layout is the diagram's: placed nodes keep their positions.
    const bounds = (id: string) => (shapes.find((s) => (s as Tree).bpmnElement.id === id) as Tree).bounds;
    expect(bounds('triage')).toMatchObject({ x: 400, y: 81, width: 120, height: 80 });
    expect(bounds('start')).toMatchObject({ x: 0, y: 100, width: 36, height: 36 });
  });
});
