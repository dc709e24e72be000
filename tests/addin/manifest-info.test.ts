/**
 * `office-addin-manifest info` reads manifest.xml offline (`validate` needs the internet). Run the
 * way `npm run manifest:info` does, with `npx --no` (never download) and the network blocked.
 */
import { spawnSync } from 'child_process';
import { NETWORK_MARKER, offlineEnv, root } from './manifest';

test('office-addin-manifest info parses the manifest without the network', () => {
  const run = spawnSync('npx', ['--no', 'office-addin-manifest', 'info', 'manifest.xml'], {
    cwd: root,
    env: offlineEnv(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.error).toBeUndefined();
  expect(run.stderr).not.toContain(NETWORK_MARKER);
  expect([run.status, run.stdout]).toEqual([0, expect.stringContaining('Name: Production Planner')]);
  expect(run.stdout).toContain('Id: 6f1c2b5e-8a43-4d2e-9a57-3c0e7d51b2a4');
  expect(run.stdout).toContain('Type: TaskPaneApp');
  expect(run.stdout).toContain('Hosts: Workbook');
  expect(run.stdout).toContain('Source Location: https://localhost:3000/taskpane.html');
});
