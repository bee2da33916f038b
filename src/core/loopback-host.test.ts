import { expect, it } from 'vitest';
import { isLoopbackHost } from './loopback-host.js';

it('tells loopback-only listen addresses from ones the network reaches', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
  for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'vigil.internal']) expect(isLoopbackHost(host), host).toBe(false);
});
