import type { AgentCapacity, AgentSkill, Role, RoutingMode } from '@caseflow/schema';

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

/** The working hours, skills and capacity of one demo agent (DESIGN §12). */
export interface DemoProfile {
  username: string;
  /** A business calendar of the examples: routing gives work only inside its hours. */
  calendar: string;
  skills: AgentSkill[];
  capacity: AgentCapacity;
}

/**
 * The demo agents' routing profiles: Lena keeps the lost-card front desk around the clock (a
 * stolen card cannot wait for Monday, and a demo tried at any hour shows work routed by
 * itself); the rest of the Berlin team works the example business calendar (Mon–Fri
 * 09:00–17:00 Europe/Berlin), Ines the São Paulo one (09:00–18:00, Brazilian holidays), so IT
 * support is staffed into the European evening. A demo start sets those
 * inside their hours online (demo-presence.ts). Fatima's fraud skill is what the fraud group's
 * skills-first routing ranks by.
 */
export const DEMO_PROFILES: DemoProfile[] = [
  {
    username: 'lena',
    calendar: '24x7',
    skills: [
      { name: 'cards', level: 2 },
      { name: 'de', level: 3 },
      { name: 'en', level: 3 },
    ],
    capacity: { task: 5, chat: 3, email: 10 },
  },
  {
    username: 'marco',
    calendar: 'business',
    skills: [
      { name: 'cards', level: 3 },
      { name: 'en', level: 3 },
    ],
    capacity: { task: 5, chat: 3, email: 10 },
  },
  {
    username: 'nora',
    calendar: 'business',
    skills: [
      { name: 'cards', level: 3 },
      { name: 'de', level: 3 },
    ],
    capacity: { task: 5, chat: 3, email: 10 },
  },
  {
    username: 'fatima',
    calendar: 'business',
    skills: [
      { name: 'fraud', level: 3 },
      { name: 'cards', level: 2 },
    ],
    capacity: { task: 3, chat: 1, email: 5 },
  },
  {
    username: 'ivan',
    calendar: 'business',
    skills: [{ name: 'identity', level: 1 }],
    capacity: { task: 5, chat: 3, email: 10 },
  },
  {
    username: 'ines',
    calendar: 'business-sp',
    skills: [
      { name: 'identity', level: 3 },
      { name: 'pt', level: 3 },
    ],
    capacity: { task: 5, chat: 3, email: 10 },
  },
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
