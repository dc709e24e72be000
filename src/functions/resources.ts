/**
 * PROD.OVERALLOCATIONS: a tasks range and a resources range (with their header rows, as on the
 * Tasks and Resources sheets) scheduled, and every stretch of time where a resource is booked
 * above its Max Units.
 */
import { findOverallocations } from '../core/resources/overallocation';
import { excelSerialFromWall } from '../core/time';
import { fail } from './errors';
import { ArgSheet, holidaysArg, readAndSchedule, settingsArg, tableArg, tasksArg } from './plan';

/** The headers of OVERALLOCATIONS' columns. */
export const OVERALLOCATION_HEADERS = ['Resource', 'From', 'To', 'Booked', 'Available', 'Tasks'];

/** A resources range (its header row Name, Type, Max Units... as on the Resources sheet) as the Resources sheet. */
export function resourcesArg(resources: unknown): ArgSheet {
  return tableArg(
    resources,
    'Resources',
    'resources',
    'The resources range is empty: give a range with a header row (Name, Type, Max Units...) and one row per resource.',
  );
}

/** A calendars range (`Name | Base Calendar | Working Days | Working Hours`) as the Calendars sheet; null when not given. */
export function calendarsArg(calendars: unknown): ArgSheet | null {
  if (calendars === undefined || calendars === null) return null;
  return tableArg(
    calendars,
    'Calendars',
    'calendars',
    'The calendars range is empty: give a range with a header row (Name, Base Calendar, Working Days, Working Hours) and one row per calendar.',
  );
}

/** A header row, then one row per over-allocated stretch: resource, from, to (Excel dates), booked and available units, task IDs. */
export function overallocationTable(
  tasks: unknown,
  resources: unknown,
  settings: unknown,
  holidays: unknown,
  calendars?: unknown,
): (string | number)[][] {
  const { arg } = tasksArg(tasks);
  const resourcesSheet = resourcesArg(resources);
  const { plan, result } = readAndSchedule([
    settingsArg(settings),
    holidaysArg(holidays),
    arg,
    resourcesSheet,
    calendarsArg(calendars),
  ]);
  const found = findOverallocations(plan, result);
  if (found.length === 0) fail('notAvailable', 'No resource is booked above its Max Units.');
  return [
    [...OVERALLOCATION_HEADERS],
    ...found.map((o) => [
      o.resource,
      excelSerialFromWall(o.from),
      excelSerialFromWall(o.to),
      o.booked,
      o.available,
      o.tasks.map((t) => plan.tasks[t].id).join(', '),
    ]),
  ];
}
