/**
 * Importing Project XML (MSPDI) built here from the published schema, in Project 2003's flavour
 * (exceptions as WeekDay DayType 0) and Project 2019's (Exceptions, Manual), in the encodings
 * Project and other tools write; and the bad inputs the importer must refuse in plain words.
 */
import { importMspdi } from '../../../src/core/msproject/import';
import { MspdiError, readMspdi } from '../../../src/workbook/msproject/read-mspdi';
import { calc } from '../../helpers';
import { calculationToJson } from '../../../src/core/report/json';

const NS = 'http://schemas.microsoft.com/project';

function task(fields: string): string {
  return `<Task>${fields}</Task>`;
}

/** A Project 2019 file: a summary, links of every type with lags in several formats, a calendar with exceptions. */
const P2019 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="${NS}">
  <SaveVersion>14</SaveVersion><Name>Stage build.xml</Name><Title>Stage build</Title>
  <ScheduleFromStart>1</ScheduleFromStart><StartDate>2027-03-01T08:00:00</StartDate><FinishDate>2027-03-31T17:00:00</FinishDate>
  <CurrencyCode>EUR</CurrencyCode><CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth>
  <StatusDate>2027-03-05T17:00:00</StatusDate>
  <ExtendedAttributes><ExtendedAttribute><FieldID>188743731</FieldID><Alias>Owner</Alias></ExtendedAttribute></ExtendedAttributes>
  <Calendars>
    <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        ${[2, 3, 4, 5, 6].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>`).join('')}
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
      </WeekDays>
      <Exceptions>
        <Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2027-03-26T00:00:00</FromDate><ToDate>2027-03-26T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Good Friday</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>
        <Exception><TimePeriod><FromDate>2027-03-13T00:00:00</FromDate><ToDate>2027-03-13T23:59:00</ToDate></TimePeriod><Name>Saturday build</Name><Type>1</Type><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>13:00:00</ToTime></WorkingTime></WorkingTimes></Exception>
      </Exceptions>
    </Calendar>
    <Calendar><UID>2</UID><Name>Night</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        ${[2, 3, 4, 5, 6].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>22:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>`).join('')}
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
      </WeekDays>
    </Calendar>
    <Calendar><UID>3</UID><Name>Carpenter</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID><WeekDays/></Calendar>
  </Calendars>
  <Tasks>
    ${task('<UID>0</UID><ID>0</ID><Name>Stage build</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary>')}
    ${task('<UID>1</UID><ID>1</ID><Name>Build</Name><WBS>1</WBS><OutlineLevel>1</OutlineLevel><Summary>1</Summary><Duration>PT80H0M0S</Duration>')}
    ${task('<UID>2</UID><ID>2</ID><Name>Frame &amp; flats</Name><WBS>1.1</WBS><OutlineLevel>2</OutlineLevel><Duration>PT24H0M0S</Duration><DurationFormat>7</DurationFormat><PercentComplete>50</PercentComplete><ActualStart>2027-03-01T08:00:00</ActualStart><Priority>700</Priority><Notes>Use the old flats</Notes><FixedCost>150000</FixedCost><Baseline><Number>0</Number><Start>2027-03-01T08:00:00</Start><Finish>2027-03-03T17:00:00</Finish></Baseline><Baseline><Number>1</Number><Start>2027-02-01T08:00:00</Start></Baseline>')}
    ${task('<UID>3</UID><ID>3</ID><Name>Paint</Name><WBS>1.2</WBS><OutlineLevel>2</OutlineLevel><Duration>PT12H0M0S</Duration><DurationFormat>5</DurationFormat><PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>')}
    ${task('<UID>4</UID><ID>4</ID><Name>Cure</Name><WBS>1.3</WBS><OutlineLevel>2</OutlineLevel><Duration>PT48H0M0S</Duration><DurationFormat>8</DurationFormat><PredecessorLink><PredecessorUID>3</PredecessorUID><Type>3</Type><LinkLag>500</LinkLag><LagFormat>19</LagFormat></PredecessorLink>')}
    ${task('<UID>5</UID><ID>5</ID><Name>Night rig</Name><WBS>1.4</WBS><OutlineLevel>2</OutlineLevel><Duration>PT8H0M0S</Duration><DurationFormat>39</DurationFormat><Estimated>1</Estimated><CalendarUID>2</CalendarUID><ConstraintType>4</ConstraintType><ConstraintDate>2027-03-08T08:00:00</ConstraintDate><PredecessorLink><PredecessorUID>4</PredecessorUID><Type>0</Type><LinkLag>-14400</LinkLag><LagFormat>8</LagFormat></PredecessorLink>')}
    ${task('<UID>6</UID><ID>6</ID><IsNull>1</IsNull>')}
    ${task('<UID>7</UID><ID>7</ID><Name>Load in</Name><WBS>2</WBS><OutlineLevel>1</OutlineLevel><Duration>PT0H0M0S</Duration><Milestone>1</Milestone><Deadline>2027-03-19T17:00:00</Deadline><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink><PredecessorLink><PredecessorUID>5</PredecessorUID><Type>2</Type></PredecessorLink>')}
    ${task('<UID>8</UID><ID>8</ID><Name>Press call</Name><WBS>3</WBS><OutlineLevel>1</OutlineLevel><Manual>1</Manual><Start>2027-03-10T10:00:00</Start><ManualStart>2027-03-10T10:00:00</ManualStart><Duration>PT2H0M0S</Duration><ManualDuration>PT2H0M0S</ManualDuration><DurationFormat>5</DurationFormat><TimephasedData><Type>11</Type><UID>8</UID><Start>2027-03-10T10:00:00</Start><Value>PT2H0M0S</Value></TimephasedData>')}
  </Tasks>
  <Resources>
    <Resource><UID>0</UID><ID>0</ID><IsNull>0</IsNull></Resource>
    <Resource><UID>1</UID><ID>1</ID><Name>Carpenter</Name><Type>1</Type><MaxUnits>2.00</MaxUnits><StandardRate>45</StandardRate><CalendarUID>3</CalendarUID></Resource>
    <Resource><UID>2</UID><ID>2</ID><Name>Paint, matte</Name><Type>0</Type><StandardRate>12.5</StandardRate></Resource>
    <Resource><UID>3</UID><ID>3</ID><Name>Permit fee</Name><Type>2</Type></Resource>
  </Resources>
  <Assignments>
    <Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID><Units>2</Units></Assignment>
    <Assignment><UID>2</UID><TaskUID>3</TaskUID><ResourceUID>2</ResourceUID><Units>20</Units></Assignment>
    <Assignment><UID>3</UID><TaskUID>3</TaskUID><ResourceUID>1</ResourceUID><Units>0.5</Units></Assignment>
    <Assignment><UID>4</UID><TaskUID>7</TaskUID><ResourceUID>3</ResourceUID><Cost>25000</Cost></Assignment>
    <Assignment><UID>5</UID><TaskUID>4</TaskUID><ResourceUID>-65535</ResourceUID></Assignment>
  </Assignments>
</Project>`;

/** A Project 2003 file: exceptions as day type 0, no Manual, no SaveVersion. */
const P2003 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="${NS}"><Name>Line 2</Name><StartDate>2027-03-01T06:00:00</StartDate><CalendarUID>1</CalendarUID><MinutesPerDay>960</MinutesPerDay><MinutesPerWeek>4800</MinutesPerWeek>
<Calendars><Calendar><UID>1</UID><Name>Two shifts</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>
<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
${[2, 3, 4, 5, 6].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>06:00:00</FromTime><ToTime>14:00:00</ToTime></WorkingTime><WorkingTime><FromTime>14:00:00</FromTime><ToTime>22:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>`).join('')}
<WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2027-03-03T00:00:00</FromDate><ToDate>2027-03-04T23:59:00</ToDate></TimePeriod></WeekDay>
</WeekDays></Calendar></Calendars>
<Tasks><Task><UID>1</UID><ID>1</ID><Name>Run order 1</Name><OutlineLevel>1</OutlineLevel><Duration>PT32H0M0S</Duration><DurationFormat>7</DurationFormat></Task>
<Task><UID>2</UID><ID>2</ID><Name>Changeover</Name><OutlineLevel>1</OutlineLevel><Duration>PT4H0M0S</Duration><DurationFormat>5</DurationFormat><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task></Tasks>
<Resources/><Assignments/></Project>`;

const bytes = (text: string) => [Buffer.from(text, 'utf8')];
const read = (chunks: Uint8Array[], ids: 'id' | 'wbs' = 'id') =>
  importMspdi(readMspdi(chunks), { ids, fileName: 'p.xml' });

describe('import: Project 2019', () => {
  const r = read(bytes(P2019));
  const doc = r.doc!;
  const byId = Object.fromEntries(doc.tasks.map((t) => [t.ID, t]));

  test('settings and the project calendar with its exceptions, working ones too', () => {
    expect(doc.settings).toMatchObject({
      'Project Start': '2027-03-01T08:00',
      'Status Date': '2027-03-05T17:00',
      'Project Name': 'Stage build',
      Currency: 'EUR',
      'Project Calendar': 'Standard',
    });
    expect(doc.calendars).toEqual([
      { Name: 'Standard', 'Working Days': 'Mon,Tue,Wed,Thu,Fri', 'Working Hours': '08:00-12:00,13:00-17:00' },
      { Name: 'Night', 'Working Days': 'Mon,Tue,Wed,Thu,Fri', 'Working Hours': '22:00-24:00' },
    ]);
    expect(doc.holidays).toEqual([
      { Date: '2027-03-26', Name: 'Good Friday', Calendar: 'Standard' },
      { Date: '2027-03-13', Name: 'Saturday build', 'Working Hours': '08:00-13:00', Calendar: 'Standard' },
    ]);
  });

  test('tasks: IDs, outline, durations with their units, estimated and elapsed; the project summary and null rows skipped', () => {
    expect(doc.tasks.map((t) => t.ID)).toEqual(['1', '2', '3', '4', '5', '7', '8']);
    expect(byId['1']).toEqual({ ID: '1', Name: 'Build', 'Outline Level': 1 });
    expect(byId['2']).toMatchObject({ Name: 'Frame & flats', 'Outline Level': 2, Duration: '3d', Priority: 700 });
    expect(byId['3'].Duration).toBe('12h');
    expect(byId['4'].Duration).toBe('2ed');
    expect(byId['5'].Duration).toBe('1d?');
    expect(byId['7'].Duration).toBe('0');
  });

  test('links of all four types with lags in days, %, and elapsed days', () => {
    expect(byId['3'].Predecessors).toBe('2FS+1d');
    expect(byId['4'].Predecessors).toBe('3SS+50%');
    expect(byId['5'].Predecessors).toBe('4FF-1ed');
    expect(byId['7'].Predecessors).toBe('1, 5SF');
  });

  test('constraints, deadlines, progress, baseline 0, notes, calendars and fixed cost (hundredths)', () => {
    expect(byId['5']).toMatchObject({ Constraint: 'SNET', 'Constraint Date': '2027-03-08T08:00', Calendar: 'Night' });
    expect(byId['7'].Deadline).toBe('2027-03-19T17:00');
    expect(byId['2']).toMatchObject({
      '% Complete': 0.5,
      'Actual Start': '2027-03-01T08:00',
      'Baseline Start': '2027-03-01T08:00',
      'Baseline Finish': '2027-03-03T17:00',
      Notes: 'Use the old flats',
      'Fixed Cost': 1500,
    });
  });

  test('resources and assignments with units; a cost resource as fixed cost; names made safe for a Resources cell', () => {
    expect(doc.resources).toEqual([
      { Name: 'Carpenter', Type: 'Work', 'Max Units': 2, Rate: 45 },
      { Name: 'Paint matte', Type: 'Material', Rate: 12.5 },
    ]);
    expect(byId['2'].Resources).toBe('Carpenter[200%]');
    expect(byId['3'].Resources).toBe('Paint matte[20], Carpenter[50%]');
    expect(byId['7']['Fixed Cost']).toBe(250);
  });

  test('a manually scheduled task comes in fixed on its start, with a note; the report counts each kind once', () => {
    expect(byId['8']).toMatchObject({ Constraint: 'MSO', 'Constraint Date': '2027-03-10T10:00', Duration: '2h' });
    expect(byId['8'].Notes).toMatch(/Manually scheduled in Project/);
    const messages = r.issues.map((i) => i.message);
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(messages).toEqual(
      expect.arrayContaining([
        '1 manually scheduled task came in as Must Start On its start.',
        '1 cost resource came in as the fixed cost of the tasks it is assigned to.',
        '1 resource name had a comma, semicolon or bracket, which a Resources cell uses; they became spaces.',
        '1 blank row of Project (null tasks) was skipped.',
      ]),
    );
    // Each kind's place is its first example.
    expect(r.issues.find((i) => /manually/.test(i.message))!.at).toEqual({
      kind: 'file',
      name: "p.xml: for example Task ID 8 'Press call'",
    });
    expect(r.counts).toEqual({ tasks: 7, links: 5, resources: 2, assignments: 4, calendars: 2 });
  });

  test('the imported plan schedules: Project Calendar, exceptions and the night calendar hold', () => {
    const c = calc(doc);
    expect(c.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const t = Object.fromEntries(calculationToJson(c).tasks.map((x) => [x.id, x]));
    // Frame started Mon 08:00 (actual), 3d: Wed 17:00; Paint 1 day later: Fri 08:00, 12h to Mon 12:00.
    expect([t['2'].start, t['2'].finish]).toEqual(['2027-03-01T08:00', '2027-03-03T17:00']);
    expect([t['3'].start, t['3'].finish]).toEqual(['2027-03-05T08:00', '2027-03-08T12:00']);
    // The night rig works 22:00-24:00 on its own calendar.
    expect(t['5'].start.slice(11)).toBe('22:00');
  });

  test('IDs from the WBS codes when asked', () => {
    expect(read(bytes(P2019), 'wbs').doc!.tasks.map((t) => t.ID)).toEqual(['1', '1.1', '1.2', '1.3', '1.4', '2', '3']);
  });
});

describe('import: a split task', () => {
  test('comes in as its overall span, from Start to Finish, with a note; an unsplit one as its duration', () => {
    // Split: 2 days of work, Monday 08:00 to Wednesday 17:00 (a day's gap). Whole: 2 days, Monday to Tuesday.
    const xml = P2003.replace(
      /<Tasks>[\s\S]*<\/Tasks>/,
      `<Tasks>${task('<UID>1</UID><ID>1</ID><Name>Pour</Name><OutlineLevel>1</OutlineLevel><Start>2027-03-08T06:00:00</Start><Finish>2027-03-10T22:00:00</Finish><Duration>PT32H0M0S</Duration><DurationFormat>7</DurationFormat>')}${task('<UID>2</UID><ID>2</ID><Name>Cure</Name><OutlineLevel>1</OutlineLevel><Start>2027-03-08T06:00:00</Start><Finish>2027-03-09T22:00:00</Finish><Duration>PT32H0M0S</Duration><DurationFormat>7</DurationFormat>')}</Tasks>`,
    );
    const r = read(bytes(xml));
    expect(r.doc!.tasks.map((t) => [t.ID, t.Duration, t.Notes])).toEqual([
      ['1', '3d', 'Split in Project (32h of work): imported as its overall span.'],
      ['2', '2d', undefined],
    ]);
    expect(r.issues.map((i) => i.message)).toEqual(['1 split task came in as its overall span, from start to finish.']);
  });
});

describe('import: Project 2003 and other encodings', () => {
  test("2003's exceptions (day type 0) and a 16-hour day: durations come in as that day", () => {
    const r = read(bytes(P2003));
    expect(r.issues).toEqual([]);
    const doc = r.doc!;
    expect(doc.calendars[0]).toEqual({
      Name: 'Two shifts',
      'Working Days': 'Mon,Tue,Wed,Thu,Fri',
      'Working Hours': '06:00-14:00,14:00-22:00',
    });
    expect(doc.holidays).toEqual([
      { Date: '2027-03-03', 'End Date': '2027-03-04', Name: 'Exception', Calendar: 'Two shifts' },
    ]);
    expect(doc.tasks.map((t) => t.Duration)).toEqual(['2d', '4h']);
    const t = calculationToJson(calc(doc)).tasks;
    // 2d of 16 h from Mon 06:00, skipping Wed-Thu: Tue 22:00; the changeover Fri 06:00-10:00.
    expect([t[0].finish, t[1].start, t[1].finish]).toEqual([
      '2027-03-02T22:00',
      '2027-03-05T06:00',
      '2027-03-05T10:00',
    ]);
  });

  test('UTF-16 with a byte order mark, UTF-8 with one, and a declared Windows code page read the same', () => {
    const plain = read(bytes(P2003)).doc;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(P2003.replace('UTF-8', 'UTF-16'), 'utf16le')]);
    expect(read([utf16]).doc).toEqual(plain);
    expect(read([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(P2003)])]).doc).toEqual(plain);
    const cp = P2003.replace('UTF-8', 'windows-1252').replace('Run order 1', 'Run order caf\u00e9');
    const r = read([Buffer.from(cp, 'latin1')]);
    expect(r.doc!.tasks[0].Name).toBe('Run order caf\u00e9');
  });

  test('a file read in small chunks reads as a whole (a multi-byte character split between chunks)', () => {
    const text = P2019.replace('Frame &amp; flats', 'Frame \u00e9t\u00e9 \u{1F3AC}');
    const whole = Buffer.from(text, 'utf8');
    const chunks: Uint8Array[] = [];
    for (let k = 0; k < whole.length; k += 7) chunks.push(whole.subarray(k, k + 7));
    expect(read(chunks).doc).toEqual(read([whole]).doc);
  });
});

describe('import: bad input, each a plain message', () => {
  const refused = (text: string | Buffer) => {
    try {
      readMspdi([typeof text === 'string' ? Buffer.from(text) : text]);
    } catch (e) {
      expect(e).toBeInstanceOf(MspdiError);
      return (e as Error).message;
    }
    throw new Error('not refused');
  };

  test('not XML, empty, and broken XML', () => {
    expect(refused('ID,Name\n1,Build')).toMatch(/not XML|not well-formed/);
    expect(refused('')).toBe('it is empty');
    expect(refused(`<Project xmlns="${NS}"><Tasks><Task></Tasks></Project>`)).toMatch(/not well-formed XML \(line 1/);
  });

  test("another product's XML says which, another namespace says so", () => {
    expect(
      refused(
        '<?xml version="1.0"?><APIBusinessObjects xmlns="http://xmlns.oracle.com/Primavera/P6/V8.3/API/BusinessObjects"/>',
      ),
    ).toMatch(/Primavera P6 XML/);
    expect(refused('<project name="x" version="3"/>')).toMatch(/GanttProject/);
    expect(refused('<Project xmlns="http://example.com/other"/>')).toMatch(/namespace http:\/\/example.com\/other/);
    expect(refused('<Schedule/>')).toMatch(/root element is <Schedule>/);
  });

  test('an entity bomb and an external entity are refused at the DOCTYPE: nothing expanded, nothing read', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, k) => `<!ENTITY lol${k + 1} "${`&lol${k === 0 ? '' : k};`.repeat(10)}">`).join('')}]><Project xmlns="${NS}"><Name>&lol9;</Name></Project>`;
    const before = process.memoryUsage().heapUsed;
    expect(refused(bomb)).toMatch(/DOCTYPE/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50e6);
    expect(
      refused(
        `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="${NS}"><Name>&x;</Name></Project>`,
      ),
    ).toMatch(/DOCTYPE/);
    // Without a DOCTYPE an entity is only XML's own: any other is refused, never looked up.
    expect(refused(`<Project xmlns="${NS}"><Name>&x;</Name></Project>`)).toMatch(/entity/);
  });

  const project = (tasks: string, extra = '') =>
    `<Project xmlns="${NS}"><StartDate>2027-03-01T08:00:00</StartDate>${extra}<Tasks>${tasks}</Tasks></Project>`;
  const errors = (text: string) =>
    read(bytes(text))
      .issues.filter((i) => i.severity === 'error')
      .map((i) => i.message);

  test('no tasks, a link to a missing task, a missing calendar, a date out of range: errors, no plan', () => {
    expect(errors(project(''))).toEqual(['The file has no tasks']);
    expect(
      errors(
        project(
          task(
            '<UID>1</UID><ID>1</ID><Name>A</Name><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>9</PredecessorUID><Type>1</Type></PredecessorLink>',
          ),
        ),
      ),
    ).toEqual(['Its predecessor UID 9 is not a task of the file']);
    expect(
      errors(
        project(task('<UID>1</UID><ID>1</ID><Name>A</Name><Duration>PT8H0M0S</Duration><CalendarUID>7</CalendarUID>')),
      ),
    ).toEqual(['Its calendar UID 7 is not in the file']);
    expect(
      errors(
        project(
          task(
            '<UID>1</UID><ID>1</ID><Name>A</Name><Duration>PT8H0M0S</Duration><Deadline>9999-01-01T17:00:00</Deadline>',
          ),
        ),
      ),
    ).toEqual(['The deadline 9999-01-01 is outside the dates a plan can hold (1900 to 6000)']);
    const r = read(
      bytes(
        project(task('<UID>1</UID><ID>1</ID><Name>A</Name><Duration>PT8H0M0S</Duration><CalendarUID>7</CalendarUID>')),
      ),
    );
    expect(r.doc).toBeNull();
    expect(r.issues[0].at).toEqual({ kind: 'file', name: "p.xml: Task ID 1 'A'" });
  });
});

describe('import: the rest of what the importer reads, each kind reported once', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="${NS}"><SaveVersion>12</SaveVersion><Name>Plant</Name><ScheduleFromStart>0</ScheduleFromStart>
<StartDate>2027-03-01T08:00:00</StartDate><CalendarUID>1</CalendarUID>
<Calendars>
  <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
    <WeekDays>${[2, 3, 4, 5, 6].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking></WeekDay>`).join('')}</WeekDays>
    <Exceptions>
      <Exception><TimePeriod><FromDate>2027-12-25T00:00:00</FromDate><ToDate>2028-12-25T23:59:00</ToDate></TimePeriod><Name>Christmas</Name><Type>2</Type><Month>11</Month><MonthDay>25</MonthDay><DayWorking>0</DayWorking></Exception>
      <Exception><TimePeriod><FromDate>2027-03-01T00:00:00</FromDate><ToDate>2027-03-14T23:59:00</ToDate></TimePeriod><Name>Fridays off</Name><Type>6</Type><Period>1</Period><DaysOfWeek>32</DaysOfWeek><DayWorking>0</DayWorking></Exception>
      <Exception><TimePeriod><FromDate>2027-03-01T00:00:00</FromDate><ToDate>2027-06-30T23:59:00</ToDate></TimePeriod><Name>Second Tuesdays</Name><Type>5</Type><DayWorking>0</DayWorking></Exception>
    </Exceptions>
    <WorkWeeks><WorkWeek><TimePeriod><FromDate>2027-07-01T00:00:00</FromDate><ToDate>2027-08-31T23:59:00</ToDate></TimePeriod><Name>Summer</Name></WorkWeek></WorkWeeks>
  </Calendar>
  <Calendar><UID>2</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID></Calendar>
</Calendars>
<Tasks>
  ${task('<UID>1</UID><ID>1</ID><Name>Orders</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary><Recurring>1</Recurring><ConstraintType>2</ConstraintType><ConstraintDate>2027-03-01T08:00:00</ConstraintDate>')}
  ${task('<UID>2</UID><ID>2</ID><Name>Order 1</Name><OutlineLevel>2</OutlineLevel><Duration>PT30M0S</Duration><DurationFormat>3</DurationFormat><CalendarUID>2</CalendarUID>')}
  ${task('<UID>3</UID><ID>2</ID><Name></Name><OutlineLevel>1</OutlineLevel><Duration>PT80H0M0S</Duration><DurationFormat>9</DurationFormat><Milestone>1</Milestone><PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject></PredecessorLink><PredecessorLink><PredecessorUID>77</PredecessorUID><Type>1</Type><CrossProject>1</CrossProject><CrossProjectName>other.mpp\\12</CrossProjectName></PredecessorLink>')}
  ${task('<UID>4</UID><ID>4</ID><Name>Line run</Name><OutlineLevel>1</OutlineLevel><Duration>PT320H0M0S</Duration><DurationFormat>11</DurationFormat><PercentComplete>100</PercentComplete><ActualStart>2027-03-01T08:00:00</ActualStart><ActualFinish>2027-04-26T17:00:00</ActualFinish>')}
</Tasks>
<Resources>
  <Resource><UID>1</UID><ID>1</ID><Name>Press</Name><Type>1</Type><MaxUnits>1</MaxUnits><AvailableFrom>2027-03-01T08:00:00</AvailableFrom><AvailableTo>2027-06-30T17:00:00</AvailableTo></Resource>
  <Resource><UID>2</UID><ID>2</ID><Name>press</Name><Type>1</Type></Resource>
</Resources>
<Assignments><Assignment><UID>1</UID><TaskUID>4</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment></Assignments>
</Project>`;
  const r = read(bytes(xml));
  const doc = r.doc!;

  test('recurring exceptions by date and by weekday are expanded; other kinds are reported', () => {
    expect(doc.holidays).toEqual([
      { Date: '2027-12-25', Name: 'Christmas', Calendar: 'Standard' },
      { Date: '2028-12-25', Name: 'Christmas', Calendar: 'Standard' },
      { Date: '2027-03-05', Name: 'Fridays off', Calendar: 'Standard' },
      { Date: '2027-03-12', Name: 'Fridays off', Calendar: 'Standard' },
    ]);
  });

  test('durations in minutes, weeks and months; a duplicate ID and an empty name; resources with availability', () => {
    expect(doc.tasks.map((t) => [t.ID, t.Name, t.Duration])).toEqual([
      ['1', 'Orders', undefined],
      ['2', 'Order 1', '30m'],
      ['UID3', 'Task UID3', '2w'],
      ['4', 'Line run', '2mo'],
    ]);
    expect(doc.tasks[0].Notes).toMatch(/Recurring task in Project/);
    expect(doc.tasks[0].Constraint).toBeUndefined(); // MSO on a summary: dropped
    expect(doc.tasks[2].Predecessors).toBe('2');
    expect(doc.tasks[3]).toMatchObject({ '% Complete': 1, 'Actual Finish': '2027-04-26T17:00', Resources: 'Press' });
    expect(doc.resources).toEqual([
      {
        Name: 'Press',
        Type: 'Work',
        'Max Units': 1,
        'Available From': '2027-03-01T08:00',
        'Available To': '2027-06-30T17:00',
      },
      { Name: 'press 2', Type: 'Work', 'Max Units': 1 },
    ]);
    expect(doc.calendars.map((c) => c.Name)).toEqual(['Standard', 'Standard (2)']);
    expect(doc.tasks[1].Calendar).toBe('Standard (2)');
  });

  test('the report: one warning per kind, with a count and an example', () => {
    const kinds = r.issues.map((i) => i.message.replace(/\.$/, ''));
    expect(kinds).toEqual(
      expect.arrayContaining([
        'The project is scheduled from its finish in Project; the plan schedules it from its start',
        '1 calendar shared a name with another and got a number',
        '1 recurring calendar exception of a kind the importer does not expand (by weekday position in a month) did not come across',
        '1 calendar has alternate work weeks (a period with other hours), which a plan cannot express: the default week applies all year',
        "1 task repeated another's ID and got the ID UID<n>",
        '1 task had no name and was named after its ID',
        '1 task is marked as a milestone in Project but lasts some time: it came in as a task',
        '1 link to other projects did not come across',
        '1 recurring task came in as a summary of its occurrences',
        '1 summary task had a constraint a summary cannot take in a plan (only SNET and FNLT): dropped',
        "1 resource repeated another's name and got a number",
      ]),
    );
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
  });
});
