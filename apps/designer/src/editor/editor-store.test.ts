import { describe, expect, it } from 'vitest';
import { addNode, connect, moveNodes, removeElements, updateNode } from './commands';
import { createEditorStore, isDirty } from './editor-store';
import { emptyFlow } from './flow-document';

describe('editor store', () => {
  it('undoes and redoes commands in order', () => {
    const store = createEditorStore(emptyFlow('f'));
    store.getState().run(addNode('task', { x: 0, y: 100 }));
    store.getState().run(connect('start', 'task', null));
    expect(store.getState().doc.edges).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc.edges).toHaveLength(0);
    expect(store.getState().doc.nodes.map((n) => n.id)).toContain('task');
    store.getState().undo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['start', 'done']);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().doc.edges).toEqual([{ from: 'start', to: 'task' }]);
  });

  it('merges a drag into one undo step', () => {
    const store = createEditorStore(emptyFlow('f'));
    for (let y = 1; y <= 5; y++) store.getState().run(moveNodes({ start: { x: 0, y: y * 10 } }));
    expect(store.getState().past).toHaveLength(1);
    store.getState().seal();
    store.getState().run(moveNodes({ start: { x: 0, y: 99 } }));
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc.layout?.start).toEqual({ x: 0, y: 0 });
  });

  it('ignores commands that change nothing', () => {
    const store = createEditorStore(emptyFlow('f'));
    store.getState().run(connect('start', 'start', null));
    expect(store.getState().past).toHaveLength(0);
  });

  it('drops the redo stack after a new edit', () => {
    const store = createEditorStore(emptyFlow('f'));
    store.getState().run(addNode('task', { x: 0, y: 0 }));
    store.getState().undo();
    store.getState().run(addNode('timer', { x: 0, y: 0 }));
    expect(store.getState().future).toHaveLength(0);
  });

  it('is dirty until marked saved', () => {
    const store = createEditorStore(emptyFlow('f'));
    expect(isDirty(store.getState())).toBe(false);
    store.getState().run(removeElements(['done']));
    expect(isDirty(store.getState())).toBe(true);
    store.getState().markSaved();
    expect(isDirty(store.getState())).toBe(false);
  });
});

describe('commands', () => {
  it('renaming a node carries its edges and position along', () => {
    //  start ──▶ task        start ──▶ triage
    const store = createEditorStore(emptyFlow('f'));
    store.getState().run(addNode('task', { x: 5, y: 6 }));
    store.getState().run(connect('start', 'task', null));
    const task = store.getState().doc.nodes.find((n) => n.id === 'task')!;
    store.getState().run(updateNode('task', { ...task, id: 'triage' }));
    const doc = store.getState().doc;
    expect(doc.edges).toEqual([{ from: 'start', to: 'triage' }]);
    expect(doc.layout?.triage).toEqual({ x: 5, y: 6 });
    expect(doc.layout?.task).toBeUndefined();
  });

  it('refuses a rename onto an existing id', () => {
    const store = createEditorStore(emptyFlow('f'));
    const start = store.getState().doc.nodes[0]!;
    store.getState().run(updateNode('start', { ...start, id: 'done' }));
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['start', 'done']);
  });

  it('deleting a node deletes the edges touching it', () => {
    const store = createEditorStore(emptyFlow('f'));
    store.getState().run(connect('start', 'done', null));
    store.getState().run(removeElements(['done']));
    expect(store.getState().doc.edges).toEqual([]);
  });

  it('makes the first edge out of a decision its default and keeps task outcomes as `on`', () => {
    const store = createEditorStore(emptyFlow('f'));
    store.getState().run(addNode('decision', { x: 0, y: 0 }));
    store.getState().run(addNode('task', { x: 0, y: 0 }));
    store.getState().run(connect('decision', 'task', null));
    store.getState().run(connect('decision', 'done', null));
    store.getState().run(connect('task', 'done', 'done'));
    expect(store.getState().doc.edges).toEqual([
      { from: 'decision', to: 'task', default: true },
      { from: 'decision', to: 'done' },
      { from: 'task', to: 'done', on: 'done' },
    ]);
  });
});
