// The real WebUSB adapter (pwa/card/webusb-port.ts) in Chromium against a fake navigator.usb
// whose RC-S380 speaks Port-100 byte for byte (test/support/fake-rcs380): a whole 照合番号B read
// through WebUSB calls, a cancelled chooser, a reader held by a kernel driver, and unplugging.
import { pairedRcs380, rcs380ReaderErrorMessage, requestRcs380 } from '../../pwa/card/webusb-port.ts';
import { buildCollationB } from '../../shared/card/collation-b.ts';
import { MyNumberCardEmulator } from '../../shared/card/emulator/mynumber-card.ts';
import { cardFace, PERSONAS, type Persona } from '../../shared/card/emulator/personas.ts';
import { readBasicFourInfo } from '../../shared/card/mynumber/input-support-ap.ts';
import {
  FakeRcs380Device,
  type FakeRcs380Switches,
  FakeWebUsbDevice,
  type FakeWebUsbOptions,
  fakeNavigatorUsb,
} from '../support/fake-rcs380/index.ts';
import { assert, equal } from './assert.ts';

const persona = PERSONAS.reduce((a, b) => (b.address.length > a.address.length ? b : a)) as Persona;

function collationB(p: Persona): string {
  const r = buildCollationB(cardFace(p));
  assert(r.ok, 'collation B');
  return r.value;
}

function inject(switches: FakeRcs380Switches = {}, options: FakeWebUsbOptions = {}, refuse = false) {
  const fake = new FakeRcs380Device(new MyNumberCardEmulator(persona), switches);
  const device = new FakeWebUsbDevice(fake, options);
  const usb = fakeNavigatorUsb([device], refuse);
  Object.defineProperty(navigator, 'usb', { configurable: true, value: usb });
  return { fake, device, usb };
}

describe('WebUSB RC-S380 adapter (fake navigator.usb in Chromium)', () => {
  it('asks for the two RC-S380 product ids and reads the 基本4情報 end to end', async () => {
    const { fake, usb } = inject({ usbDelayMs: 1 });
    const opened = await requestRcs380();
    assert(opened.ok, `opened: ${JSON.stringify(opened.ok ? '' : opened.error)}`);
    equal(usb.requests[0]?.filters, [
      { vendorId: 0x054c, productId: 0x06c1 },
      { vendorId: 0x054c, productId: 0x06c3 },
    ]);
    const r = await readBasicFourInfo(opened.value, collationB(persona));
    assert(r.ok, `read: ${JSON.stringify(r.ok ? '' : r.error)}`);
    equal(r.value.address, persona.address, 'address');
    equal(r.value.name, persona.name, 'name');
    equal(fake.violations, [], 'no protocol violations');
    const lastOut = fake.transfers.filter((t) => t.direction === 'out').at(-1);
    equal(Array.from(lastOut?.bytes ?? []), [0, 0, 0xff, 0, 0xff, 0], 'session ends with the host ACK');
    // A paired reader reconnects without the chooser (getDevices), and reads again.
    const again = await pairedRcs380();
    assert(again?.ok, 'paired reader opens');
    equal((await readBasicFourInfo(again.value, collationB(persona))).ok, true, 'second read');
    equal(usb.requests.length, 1, 'no second chooser');
  });

  it('a cancelled chooser is permission-refused, with the next step in Japanese', async () => {
    inject({}, {}, true);
    const r = await requestRcs380();
    equal(r.ok ? 'ok' : r.error.kind, 'permission-refused');
    assert(
      !r.ok && rcs380ReaderErrorMessage(r.error).includes('「USBリーダーを接続」'),
      'message says what to press',
    );
  });

  it('a reader held by the port100 kernel driver is reader-busy, naming port100 and WinUSB', async () => {
    inject({}, { claimedByKernelDriver: true });
    const r = await requestRcs380();
    equal(r.ok ? 'ok' : r.error.kind, 'reader-busy');
    const text = r.ok ? '' : rcs380ReaderErrorMessage(r.error);
    assert(text.includes('port100') && text.includes('WinUSB'), 'guidance for Linux and Windows');
  });

  it('a reader plugged in later fires connect and is found by pairedRcs380 without a chooser', async () => {
    const { usb } = inject();
    const second = new FakeWebUsbDevice(new FakeRcs380Device(new MyNumberCardEmulator(persona)), {
      productId: 0x06c1,
    });
    const seen: number[] = [];
    usb.addEventListener('connect', (e) => seen.push(e.device.productId));
    usb.plugIn(second);
    equal(seen, [0x06c1], 'connect event');
    equal((await usb.getDevices()).length, 2, 'both paired');
  });

  it('no navigator.usb (Safari, http) is webusb-unavailable', async () => {
    Object.defineProperty(navigator, 'usb', { configurable: true, value: undefined });
    const r = await requestRcs380();
    equal(r.ok ? 'ok' : r.error.kind, 'webusb-unavailable');
  });

  it('unplugged mid-read: the disconnect event and the failed transfer give reader-unplugged, no data', async () => {
    let disconnects = 0;
    const { usb } = inject({ unplugAtTransfer: 40 });
    usb.addEventListener('disconnect', () => disconnects++);
    const opened = await requestRcs380();
    assert(opened.ok, 'opened');
    const r = await readBasicFourInfo(opened.value, collationB(persona));
    assert(!r.ok, 'read must fail');
    equal(r.error.kind, 'transport-failed');
    assert(
      r.error.kind === 'transport-failed' && r.error.detail.includes('カードリーダーが見つかりません'),
      r.error.kind,
    );
    equal(disconnects, 1, 'disconnect event');
    equal((await usb.getDevices()).length, 0, 'gone from getDevices');
    let failure = '';
    await opened.value.connect().catch((e: { failure?: { kind: string } }) => {
      failure = e.failure?.kind ?? 'untyped';
    });
    equal(failure, 'reader-unplugged', 'later calls fail typed');
  });
});
