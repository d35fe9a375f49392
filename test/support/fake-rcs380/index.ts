// A fake Sony RC-S380 for tests and the bench, in Node and in Chromium: see device.ts.
export {
  FAKE_BULK_IN,
  FAKE_BULK_OUT,
  FakeRcs380Device,
  type FakeRcs380Switches,
  type TransferRecord,
} from './device.ts';
export { FAKE_PUPI } from './picc.ts';
export { type FakePortOptions, fakeUsbPort } from './usb-port.ts';
export {
  type FakeNavigatorUsb,
  FakeWebUsbDevice,
  type FakeWebUsbOptions,
  fakeNavigatorUsb,
} from './webusb.ts';
