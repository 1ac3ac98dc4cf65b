import type { Role, RoutingMode } from '@caseflow/schema';

/** The password of every demo user (README lists the logins). */
export const DEMO_PASSWORD = 'demo1234';

/** Groups of the demo: the lost-card ladder, supervisors and IT. */
export const DEMO_GROUPS: Array<{ name: string; description: string }> = [
  { name: 'service-desk', description: 'L1 service desk: first contact for every case' },
  { name: 'card-ops', description: 'L2 card operations: blocks, replacements, approvals' },
  { name: 'fraud', description: 'L3 fraud specialists' },
  { name: 'supervisors', description: 'Team leads; notified on SLA breaches' },
  { name: 'it-support', description: 'IT support: accounts and passwords' },
];

/**
 * How the demo groups hand out work (DESIGN §12): as soon as an agent is online, new work lands
 * in their queue by itself. Supervisors' group is routed by hand.
 */
export const DEMO_ROUTING: Array<{ group: string; mode: RoutingMode; offerTimeout?: string }> = [
  { group: 'service-desk', mode: 'round-robin', offerTimeout: 'PT10M' },
  { group: 'card-ops', mode: 'least-loaded' },
  { group: 'fraud', mode: 'skills' },
  { group: 'it-support', mode: 'round-robin' },
];

/** One demo login. */
export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  groups: string[];
  tiers: string[];
  customerId?: string;
}

/**
 * Demo users. Besides the cast of the brief (admin, olivia, lena, marco, fatima, sam, ivan,
 * carla, ben) there is a second member in card-ops and in it-support, because the example
 * flows ask those groups for a quorum of two approvals.
 */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Administrator', roles: ['admin'], groups: [], tiers: [] },
  { username: 'olivia', displayName: 'Olivia Owner', roles: ['owner'], groups: [], tiers: [] },
  { username: 'lena', displayName: 'Lena (L1)', roles: ['agent'], groups: ['service-desk'], tiers: ['L1'] },
  { username: 'marco', displayName: 'Marco (L2)', roles: ['agent'], groups: ['card-ops'], tiers: ['L2'] },
  { username: 'nora', displayName: 'Nora (L2)', roles: ['agent'], groups: ['card-ops'], tiers: ['L2'] },
  { username: 'fatima', displayName: 'Fatima (L3)', roles: ['agent'], groups: ['fraud'], tiers: ['L3'] },
  { username: 'sam', displayName: 'Sam (supervisor)', roles: ['agent'], groups: ['supervisors'], tiers: [] },
  { username: 'ivan', displayName: 'Ivan (IT)', roles: ['agent'], groups: ['it-support'], tiers: ['L1'] },
  {
    username: 'ines',
    displayName: 'Ines (IT)',
    roles: ['agent'],
    groups: ['it-support', 'identity'],
    tiers: ['L1', 'L2'],
  },
  {
    username: 'carla',
    displayName: 'Carla Customer',
    roles: ['customer'],
    groups: [],
    tiers: [],
    customerId: 'c-1001',
  },
  {
    username: 'ben',
    displayName: 'Ben Customer',
    roles: ['customer'],
    groups: [],
    tiers: [],
    customerId: 'c-1002',
  },
];

/** Demo customers with segments, for pilots by segment and the 360 view. */
export const DEMO_CUSTOMERS = [
  {
    id: 'c-1001',
    name: 'Carla Jensen',
    email: 'carla@example.com',
    phone: '+49 30 1001',
    segment: 'gold',
    tags: [],
  },
  {
    id: 'c-1002',
    name: 'Ben Okafor',
    email: 'ben@example.com',
    phone: '+49 30 1002',
    segment: 'standard',
    tags: [],
  },
  {
    id: 'c-1003',
    name: 'Dana Weiss',
    email: 'dana@example.com',
    phone: null,
    segment: 'gold',
    tags: ['vip'],
  },
  {
    id: 'c-1004',
    name: 'Emil Novak',
    email: 'emil@example.com',
    phone: '+49 30 1004',
    segment: 'standard',
    tags: [],
  },
  {
    id: 'c-1005',
    name: 'Frida Berg',
    email: 'frida@example.com',
    phone: null,
    segment: 'business',
    tags: [],
  },
  {
    id: 'c-1006',
    name: 'Goran Petrov',
    email: 'goran@example.com',
    phone: null,
    segment: 'standard',
    tags: ['watch'],
  },
];
