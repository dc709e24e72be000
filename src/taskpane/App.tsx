/**
 * The task pane: Regenerate with progress and a summary, the issues (each a link to its cell),
 * Set baseline, an Explain view for the selected task, and the settings kept on the Settings
 * sheet. Fluent UI, so it looks like Office. Every text from the workbook is rendered as text
 * by React, never as HTML.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  FluentProvider,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import type { RegenerateSummary } from '../commands/regenerate';
import type { ImportOutcome } from '../commands/import-project';
import type { BaselineOutcome, PaneSettingName, PaneSettings } from '../commands/planner';
import { formatLocation } from '../core/location';
import type { Issue } from '../core/model';
import type { TaskExplanation } from '../core/schedule/explain';
import type { PlannerHost } from './host';

type TabName = 'plan' | 'explain' | 'settings';

const section: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 8, marginTop: 12 };
const row: React.CSSProperties = { display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' };

const counted = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;
const amount = (x: number) => Math.round(x).toLocaleString('en-US');
const index = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
const STATUS_COLOR = { green: 'success', amber: 'warning', red: 'danger' } as const;

export function App({ host }: { host: PlannerHost }) {
  const [tab, setTab] = useState<TabName>('plan');
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: '100vh', boxSizing: 'border-box' }}>
      <Text as="h1" size={500} weight="semibold" block>
        Production Planner
      </Text>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} size="small">
        <Tab value="plan">Plan</Tab>
        <Tab value="explain">Explain</Tab>
        <Tab value="settings">Settings</Tab>
      </TabList>
      {tab === 'plan' && <PlanTab host={host} />}
      {tab === 'explain' && <ExplainTab host={host} />}
      {tab === 'settings' && <SettingsTab host={host} />}
    </FluentProvider>
  );
}

function PlanTab({ host }: { host: PlannerHost }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [summary, setSummary] = useState<RegenerateSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [baseline, setBaselineState] = useState<BaselineOutcome | null>(null);
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [importAsk, setImportAsk] = useState<{ bytes: Uint8Array; name: string; sheets: string[] } | null>(null);
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const [wbsIds, setWbsIds] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const importRun = async (bytes: Uint8Array, name: string, replace: boolean) => {
    setImportAsk(null);
    setFailure(null);
    setImported(null);
    setBusy('Importing from Microsoft Project');
    try {
      const outcome = await host.importProject(bytes, name, replace, wbsIds ? 'wbs' : 'id');
      if (outcome.kind === 'confirm') setImportAsk({ bytes, name, sheets: outcome.sheets });
      else setImported(outcome);
    } catch (e) {
      setFailure(`Import stopped: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    await importRun(new Uint8Array(await file.arrayBuffer()), file.name, false);
  };

  const regenerate = async () => {
    setFailure(null);
    setBaselineState(null);
    setBusy('Starting');
    try {
      setSummary(await host.regenerate((step) => setBusy(step)));
    } catch (e) {
      setFailure(`Regenerate stopped: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const baselineRun = async (replace: boolean) => {
    setConfirm(null);
    setFailure(null);
    setBusy('Setting the baseline');
    try {
      const outcome = await host.setBaseline(replace);
      if (!outcome.written && outcome.overwrites.length > 0) setConfirm(outcome.overwrites);
      else setBaselineState(outcome);
    } catch (e) {
      setFailure(`Set baseline stopped: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div style={section}>
      <div style={row}>
        <Button appearance="primary" onClick={regenerate} disabled={busy !== null}>
          Regenerate
        </Button>
        <Button onClick={() => baselineRun(false)} disabled={busy !== null}>
          Set baseline
        </Button>
        <Button onClick={() => fileInput.current?.click()} disabled={busy !== null}>
          Import from Microsoft Project…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xml,text/xml,application/xml"
          aria-label="Microsoft Project XML file"
          style={{ display: 'none' }}
          onChange={onFile}
        />
        <Checkbox
          label="WBS codes as task IDs"
          checked={wbsIds}
          onChange={(_, d) => setWbsIds(d.checked === true)}
          disabled={busy !== null}
        />
      </div>
      {busy !== null && (
        <Field validationMessage={`${busy}…`} validationState="none">
          <ProgressBar />
        </Field>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {baseline && (
        <MessageBar intent={baseline.written ? 'success' : 'warning'}>
          <MessageBarBody>
            {baseline.written
              ? `Baseline set for ${baseline.tasks} tasks. Regenerate to see the variances.`
              : 'The plan has errors: fix them, then set the baseline.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <Dialog
        open={confirm !== null}
        onOpenChange={(_, d) => {
          if (!d.open) setConfirm(null);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Replace the baseline?</DialogTitle>
            <DialogContent>
              <Text block>{confirm?.length} baseline dates would change, for example:</Text>
              <ul>
                {confirm?.slice(0, 5).map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => baselineRun(true)}>
                Replace
              </Button>
              <Button onClick={() => setConfirm(null)}>Keep the old baseline</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog
        open={importAsk !== null}
        onOpenChange={(_, d) => {
          if (!d.open) setImportAsk(null);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Replace these sheets?</DialogTitle>
            <DialogContent>
              <Text block>
                The plan in {importAsk?.name} goes into the input sheets. These are in the workbook now and would be
                replaced by the Project file's: {importAsk?.sheets.join(', ')}. Your other sheets stay as they are.
              </Text>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => importAsk && importRun(importAsk.bytes, importAsk.name, true)}
              >
                Replace
              </Button>
              <Button onClick={() => setImportAsk(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {imported && <Imported outcome={imported} host={host} />}
      {summary && <Summary summary={summary} host={host} />}
      {summary && <Issues issues={summary.issues} host={host} />}
    </div>
  );
}

function Imported({ outcome, host }: { outcome: ImportOutcome; host: PlannerHost }) {
  if (outcome.kind === 'confirm') return null;
  if (outcome.kind === 'refused')
    return (
      <section aria-label="Import" style={{ ...section, marginTop: 4 }}>
        <MessageBar intent="error">
          <MessageBarBody>Nothing was imported: the file has the problems below.</MessageBarBody>
        </MessageBar>
        <Issues issues={outcome.issues} host={host} />
      </section>
    );
  const c = outcome.counts;
  return (
    <section aria-label="Import" style={{ ...section, marginTop: 4 }}>
      <MessageBar intent="success">
        <MessageBarBody>
          Imported {counted(c.tasks, 'task')}, {counted(c.links, 'link')}, {counted(c.resources, 'resource')} and{' '}
          {counted(c.calendars, 'calendar')} into {outcome.sheets.join(', ')}. Regenerate to schedule it.
        </MessageBarBody>
      </MessageBar>
      {outcome.issues.length > 0 && (
        <>
          <Text weight="semibold">Did not come across as in Project</Text>
          <Issues issues={outcome.issues} host={host} />
        </>
      )}
    </section>
  );
}

function Summary({ summary, host }: { summary: RegenerateSummary; host: PlannerHost }) {
  const seconds = (summary.ms / 1000).toFixed(1);
  return (
    <section aria-label="Result" style={{ ...section, marginTop: 4 }}>
      {summary.written ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Wrote {summary.sheets.join(', ')} in {seconds} s ({summary.syncs} round-trips).
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error">
          <MessageBarBody>
            Nothing was regenerated: fix the errors below
            {summary.sheets.length > 0 ? ' (listed on the Plan Issues sheet too)' : ''}.
          </MessageBarBody>
        </MessageBar>
      )}
      {summary.finish && (
        <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: 0 }}>
          <dt>
            <Text weight="semibold">Finish</Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text>{summary.finish}</Text>
          </dd>
          <dt>
            <Text weight="semibold">Tasks</Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text>{summary.tasks}</Text>
          </dd>
          <dt>
            <Text weight="semibold">Critical</Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text>
              {summary.critical.length === 0
                ? 'none: every task has float'
                : `${summary.critical.length} tasks: ${summary.critical.join(', ')}`}
            </Text>
          </dd>
          <dt>
            <Text weight="semibold">Over-allocated</Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text>
              {summary.overallocations.length === 0
                ? 'none'
                : `${summary.overallocations.length} stretch${summary.overallocations.length === 1 ? '' : 'es'}: `}
            </Text>
            {summary.overallocations.map((o, k) => (
              <span key={k}>
                {k > 0 && '; '}
                <Link as="button" onClick={() => host.goTo(o.at)}>
                  {o.text}
                </Link>
              </span>
            ))}
            {summary.leveled !== null && (
              <Text>{` (leveling delayed ${summary.leveled} task${summary.leveled === 1 ? '' : 's'})`}</Text>
            )}
          </dd>
          {summary.budget && (
            <>
              <dt>
                <Text weight="semibold">Budget</Text>
              </dt>
              <dd style={{ margin: 0 }}>
                <Badge appearance="filled" color={STATUS_COLOR[summary.budget.status]}>
                  {summary.budget.status}
                </Badge>{' '}
                <Text>
                  EFC {amount(summary.budget.efc)} of {amount(summary.budget.budget)} {summary.budget.currency}
                </Text>
              </dd>
            </>
          )}
          {summary.earnedValue && (
            <>
              <dt>
                <Text weight="semibold">Earned value</Text>
              </dt>
              <dd style={{ margin: 0 }}>
                <Text>
                  CPI {index(summary.earnedValue.cpi)} · SPI {index(summary.earnedValue.spi)}
                  {summary.earnedValue.outsideShare > 0 &&
                    ` · ${Math.round(summary.earnedValue.outsideShare * 100)}% of the budget outside earned value`}
                </Text>
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function Issues({ issues, host }: { issues: Issue[]; host: PlannerHost }) {
  const [missing, setMissing] = useState<string | null>(null);
  if (issues.length === 0) return <Text>No issues.</Text>;
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <section aria-label="Issues" style={{ ...section, marginTop: 4 }}>
      <Text weight="semibold">
        {errors} error{errors === 1 ? '' : 's'}, {issues.length - errors} warning
        {issues.length - errors === 1 ? '' : 's'}
      </Text>
      {missing && <Text size={200}>{missing}</Text>}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
        {issues.map((issue, k) => (
          <li key={k} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
            <Badge size="small" appearance="tint" color={issue.severity === 'error' ? 'danger' : 'warning'}>
              {issue.severity}
            </Badge>
            <span>
              <Link
                as="button"
                onClick={async () =>
                  setMissing((await host.goTo(issue.at)) ? null : `${formatLocation(issue.at)} is a sheet, not a cell.`)
                }
              >
                {formatLocation(issue.at)}
              </Link>{' '}
              <Text>{issue.message}</Text>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ExplainTab({ host }: { host: PlannerHost }) {
  const [result, setResult] = useState<TaskExplanation | string | null>(null);
  const [busy, setBusy] = useState(false);
  const explain = async () => {
    setBusy(true);
    try {
      const r = await host.explain();
      setResult('explanation' in r ? r.explanation : r.message);
    } catch (e) {
      setResult(`Explain stopped: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={section}>
      <Text>Select a task's row (on Tasks, Schedule or Gantt), then:</Text>
      <div style={row}>
        <Button appearance="primary" onClick={explain} disabled={busy}>
          Explain the selected task
        </Button>
      </div>
      {typeof result === 'string' && (
        <MessageBar intent="info">
          <MessageBarBody>{result}</MessageBarBody>
        </MessageBar>
      )}
      {result && typeof result === 'object' && (
        <section aria-label="Explanation" style={section}>
          <Text weight="semibold">
            {result.id} {result.name}
          </Text>
          <Text>
            {result.start} to {result.finish}
          </Text>
          <Text>
            Total float {result.totalFloat} d, free float {result.freeFloat} d:{' '}
            {result.critical ? 'critical' : 'not critical'}. Constraint {result.constraint}
            {result.deadline ? `, deadline ${result.deadline}` : ''}.
          </Text>
          {result.leveling && <Text>{`${result.leveling[0].toUpperCase()}${result.leveling.slice(1)}.`}</Text>}
          <Text weight="semibold">Why it starts then</Text>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {result.chain.map((step) => (
              <li key={step.id}>
                <Text>
                  {step.id} {step.name}: starts {step.start}
                  {step.drivenBy ? `, set by ${step.drivenBy}` : ''}
                </Text>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

const CHOICES: Partial<Record<PaneSettingName, string[]>> = {
  'Gantt Scale': ['auto', 'day', 'week', 'month'],
  'Variance Sign': ['budget-minus-forecast', 'forecast-minus-budget'],
  'EAC Method': ['cpi', 'budget-rate', 'cpi-spi'],
  Leveling: ['Off', 'On'],
  'Leveling Order': ['Standard', 'Priority, Standard', 'ID Only'],
};
const DEFAULTS: PaneSettings = {
  'Gantt Scale': 'auto',
  'Variance Amber %': '5',
  'Variance Red %': '10',
  'Variance Sign': 'budget-minus-forecast',
  'EAC Method': 'cpi',
  Leveling: 'Off',
  'Leveling Order': 'Standard',
  'Tasks Sheet': 'Tasks',
  'Budget Sheet': 'Budget',
  'Resources Sheet': 'Resources',
  'Holidays Sheet': 'Holidays',
};

function SettingsTab({ host }: { host: PlannerHost }) {
  const [saved, setSaved] = useState<PaneSettings | null>(null);
  const [edits, setEdits] = useState<PaneSettings>({});
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    host.readSettings().then(setSaved, (e: Error) => setNote(`Could not read Settings: ${e.message}`));
  }, [host]);
  if (!saved)
    return (
      <div style={section}>
        <Text>{note ?? 'Reading the Settings sheet…'}</Text>
      </div>
    );
  const value = (name: PaneSettingName) => edits[name] ?? saved[name] ?? DEFAULTS[name] ?? '';
  const set = (name: PaneSettingName, v: string) => setEdits({ ...edits, [name]: v });
  const save = async () => {
    const changes = Object.fromEntries(
      Object.entries(edits).filter(([k, v]) => v !== (saved[k as PaneSettingName] ?? DEFAULTS[k as PaneSettingName])),
    ) as PaneSettings;
    await host.writeSettings(changes);
    setSaved({ ...saved, ...changes });
    setEdits({});
    setNote(
      Object.keys(changes).length
        ? `Saved on the Settings sheet: ${Object.keys(changes).join(', ')}. Regenerate to apply.`
        : 'Nothing changed.',
    );
  };
  return (
    <div style={section}>
      <Text size={200}>These are rows of your Settings sheet: saving writes them there.</Text>
      {(Object.keys(DEFAULTS) as PaneSettingName[]).map((name) => (
        <Field key={name} label={name}>
          {CHOICES[name] ? (
            <Select value={value(name)} onChange={(_, d) => set(name, d.value)}>
              {CHOICES[name]!.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          ) : (
            <Input value={value(name)} onChange={(_, d) => set(name, d.value)} />
          )}
        </Field>
      ))}
      <div style={row}>
        <Button appearance="primary" onClick={save}>
          Save settings
        </Button>
      </div>
      {note && <Text>{note}</Text>}
    </div>
  );
}
