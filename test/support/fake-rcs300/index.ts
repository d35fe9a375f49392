// A fake Sony RC-S300 (vendor interface 1, cards.md §4.2) for Node tests: see device.ts.
export {
  FAKE_BULK_IN,
  FAKE_BULK_OUT,
  FakeRcs300Device,
  type FakeRcs300Switches,
  type Rcs300Fault,
  type TransferRecord,
} from './device.ts';
export { type FakePortOptions, fakeUsbPort } from './usb-port.ts';
