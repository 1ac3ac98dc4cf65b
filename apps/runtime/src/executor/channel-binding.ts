import type { Channel } from '@caseflow/schema';
import type { Store } from '../store/store';
import { conflict, notEligible } from './errors';
import type { RuntimeCore } from './runtime-core';

/*
 * Which flow opens the cases of a channel's new conversations (DESIGN §10): the active flow
 * whose start trigger is `{"kind":"case","channels":[…]}` naming the channel. One per channel.
 */

/** The channels a flow definition's start trigger names. Pure. */
export function channelsOf(definition: { nodes: readonly { type: string }[] }): Channel[] {
  for (const node of definition.nodes) {
    if (node.type !== 'start') continue;
    const trigger = (node as { trigger?: { kind?: string; channels?: Channel[] } }).trigger;
    return trigger?.kind === 'case' ? (trigger.channels ?? []) : [];
  }
  return [];
}

/** Active flows and the channels their active versions take, by flow key. */
async function boundChannels(core: RuntimeCore, tx: Store): Promise<Map<string, Channel[]>> {
  const bound = new Map<string, Channel[]>();
  for (const flow of await tx.flows.list()) {
    if (flow.activeVersion === null) continue;
    const compiled = await core.ctx.compiled.get(tx, flow.key, flow.activeVersion);
    const channels = channelsOf(compiled.definition);
    if (channels.length > 0) bound.set(flow.key, channels);
  }
  return bound;
}

/**
 * The key of the active flow that takes new conversations of `channel`; 422 `not-eligible`
 * when none does. Should two claim it anyway, the first by key wins, so the choice is stable.
 */
export async function flowForChannel(core: RuntimeCore, tx: Store, channel: Channel): Promise<string> {
  const bound = await boundChannels(core, tx);
  const key = [...bound.keys()].sort().find((k) => bound.get(k)!.includes(channel));
  if (key) return key;
  throw notEligible(`no active flow takes new ${channel} conversations`, {
    path: 'channel',
    hint: `give a flow's start node the trigger {"kind":"case","channels":["${channel}"]} and activate it`,
  });
}

/**
 * 409 when activating `definition` as flow `key` would give a channel two active flows (the
 * flow's own active version does not count: it is being replaced).
 */
export async function assertChannelsFree(
  core: RuntimeCore,
  tx: Store,
  key: string,
  definition: { nodes: readonly { type: string }[] },
): Promise<void> {
  const wanted = channelsOf(definition);
  if (wanted.length === 0) return;
  for (const [other, channels] of await boundChannels(core, tx)) {
    if (other === key) continue;
    const taken = wanted.filter((c) => channels.includes(c));
    if (taken.length > 0) {
      throw conflict(
        `channel ${taken.join(', ')} already opens cases of flow ${other}; one active flow per channel`,
        {
          path: 'nodes.start.trigger.channels',
          flow: other,
          channels: taken,
        },
      );
    }
  }
}
