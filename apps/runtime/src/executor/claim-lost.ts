/**
 * Thrown inside a transaction whose lease (on a timer or an outbox row) was lost: rolls it back,
 * and the process that holds the lease now does the work. Expected, so never an incident.
 */
export class ClaimLost extends Error {
  constructor(what: string) {
    super(`claim on ${what} was lost`);
    this.name = 'ClaimLost';
  }
}
