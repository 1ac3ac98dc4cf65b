export * from './feel';
