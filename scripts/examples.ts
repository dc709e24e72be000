/**
 * The two sample plans, in the JSON form of the workbook contract. The demo
 * writes each as an .xlsx workbook (as a coordinator would type it) and as
 * .json into examples/.
 */
import { calculate } from '../src/core/calculate';
import { formatWall } from '../src/core/time';
import { readJsonPlan } from '../src/workbook/json-host';

/** A row as a coordinator types it; null is an empty cell (used only to fix the order of a sheet's columns). */
type Row = Record<string, string | number | null>;

export interface ExamplePlan {
  file: string;
  title: string;
  doc: { settings: Row; holidays: Row[]; tasks: Row[]; resources: Row[]; budget: Row[]; calendars?: Row[] };
  tasksAsTable: boolean;
}

function t(id: string, name: string, duration: string | number, predecessors = '', more: Row = {}): Row {
  const row: Row = { ID: id, Name: name, Duration: duration };
  if (predecessors) row.Predecessors = predecessors;
  return { ...row, ...more };
}

/** A budget line's amount: a sum, or `[Units, Qty, Rate]` (the Budget cell is then left empty). */
type Amount = number | readonly [units: number, qty: number, rate: number];
/** Account, description, amount, committed, actual and, where the estimate to complete is typed, ETC. */
type LineSpec = readonly [
  account: string,
  description: string,
  amount: Amount,
  committed: number,
  actual: number,
  etc?: number,
];

const BUDGET_COLUMNS = [
  'Account',
  'Description',
  'Category',
  'Units',
  'Qty',
  'Rate',
  'Budget',
  'Committed',
  'Actual',
  'ETC',
] as const;

function amountOf(a: Amount): number {
  return typeof a === 'number' ? a : a[0] * a[1] * a[2];
}

/**
 * Budget sheet rows, category by category. A sheet's columns are the rows' keys
 * in order of first appearance, so the first row names every column (null:
 * empty) to put Units | Qty | Rate before Budget.
 */
function budgetRows(sections: readonly (readonly [category: string, lines: readonly LineSpec[]])[]): Row[] {
  const rows = sections.flatMap(([Category, lines]) =>
    lines.map(([Account, Description, amount, Committed, Actual, ETC]) => {
      const v: Row =
        typeof amount === 'number'
          ? { Account, Description, Category, Budget: amount, Committed, Actual }
          : { Account, Description, Category, Units: amount[0], Qty: amount[1], Rate: amount[2], Committed, Actual };
      if (ETC !== undefined) v.ETC = ETC;
      return Object.fromEntries(BUDGET_COLUMNS.filter((h) => h in v).map((h) => [h, v[h]])) as Row;
    }),
  );
  if (rows.length > 0) rows[0] = Object.fromEntries(BUDGET_COLUMNS.map((h) => [h, rows[0][h] ?? null]));
  return rows;
}

/** A feature film's prep, shoot and post: about 40 tasks, with progress at the status date. */
function filmShootBooks(): ExamplePlan {
  const L = (level: number, row: Row): Row => ({ ...row, 'Outline Level': level });
  const tasks: Row[] = [
    L(1, t('PRE', 'Pre-production', '')),
    L(
      2,
      t('PRE-1', 'Script lock', '5d', '', {
        Resources: 'Producer',
        'Cost Account': '1100',
        '% Complete': '100%',
        'Actual Start': '2027-03-01',
        'Actual Finish': '2027-03-05',
      }),
    ),
    L(
      2,
      t('PRE-2', 'Budget and schedule approval', '3d', 'PRE-1', {
        Resources: 'Producer, Line Producer',
        'Cost Account': '1100',
        '% Complete': '100%',
        'Actual Start': '2027-03-08',
        'Actual Finish': '2027-03-10',
      }),
    ),
    L(2, t('PRE-3', 'Greenlight', 0, 'PRE-2')),
    L(
      2,
      t('PRE-4', 'Casting', '15d', 'PRE-3', {
        Resources: 'Casting Director',
        'Cost Account': '1300',
        '% Complete': '40%',
        'Actual Start': '2027-03-11',
      }),
    ),
    L(
      2,
      t('PRE-5', 'Location scout', '10d', 'PRE-3', {
        Resources: 'Location Manager',
        'Cost Account': '2400',
        '% Complete': '50%',
      }),
    ),
    L(
      2,
      t('PRE-6', 'Location permits', '10d', 'PRE-5FS+2d', {
        Resources: 'Location Manager',
        'Cost Account': '2400',
        Deadline: '2027-04-16',
      }),
    ),
    L(2, t('PRE-7', 'Crew hiring', '10d', 'PRE-3SS+5d', { Resources: 'Line Producer', 'Cost Account': '2100' })),
    L(
      2,
      t('PRE-8', 'Production design', '15d', 'PRE-3', {
        Resources: 'Production Designer',
        'Cost Account': '2200',
        '% Complete': '30%',
      }),
    ),
    L(
      2,
      t('PRE-9', 'Set construction', '15d', 'PRE-8, PRE-6SS+5d', {
        Resources: 'Construction Crew[2]',
        'Cost Account': '2300',
        'Fixed Cost': 18000,
      }),
    ),
    L(2, t('PRE-10', 'Paint sets', '3d', 'PRE-9', { Resources: 'Construction Crew', 'Cost Account': '2300' })),
    L(2, t('PRE-11', 'Paint curing', '2ed', 'PRE-10')),
    L(
      2,
      t('PRE-12', 'Costume fittings', '8d', 'PRE-4FF+3d', { Resources: 'Costume Designer', 'Cost Account': '2500' }),
    ),
    L(
      2,
      t('PRE-13', 'Camera tests', '2d', 'PRE-7', { Resources: 'Camera Crew, Camera Package', 'Cost Account': '2600' }),
    ),
    L(2, t('PRE-14', 'Table read', '4h', 'PRE-4', { Resources: 'Director, Cast[6]', 'Cost Account': '1200' })),
    L(2, t('PRE-15', 'Rehearsals', '5d', 'PRE-14', { Resources: 'Director, Cast[6]', 'Cost Account': '1200' })),
    L(
      2,
      t('PRE-16', 'Insurance and completion bond', '5d', 'PRE-2', {
        Constraint: 'ALAP',
        'Cost Account': '6100',
        'Fixed Cost': 42000,
      }),
    ),
    L(2, t('PRE-17', 'Prep complete', 0, 'PRE-11, PRE-12, PRE-13, PRE-15, PRE-16')),
    L(1, t('SH', 'Principal photography', '')),
    L(
      2,
      t('SH-1', 'Block 1: harbour exteriors', '5d', 'PRE-17', {
        Resources: 'Director, Camera Crew, Camera Package, Grip and Electric, Cast[4]',
        'Cost Account': '2600',
      }),
    ),
    L(2, t('SH-2', 'Company move to stage', '4h', 'SH-1', { Resources: 'Transport', 'Cost Account': '2700' })),
    L(
      2,
      t('SH-3', 'Block 2: stage interiors', '10d', 'SH-2', {
        Resources: 'Director, Camera Crew, Camera Package, Grip and Electric, Cast[6], Stage 2',
        'Cost Account': '2600',
      }),
    ),
    L(
      2,
      t('SH-4', 'Block 3: night exteriors', '5d', 'SH-3', {
        Resources: 'Director, Camera Crew, Camera Package, Grip and Electric, Cast[3]',
        'Cost Account': '2600',
      }),
    ),
    L(
      2,
      t('SH-5', 'Second unit: aerials', '2d', 'SH-1SS+3d', {
        // The second unit borrows the main unit's camera package: booked twice (leveling is off here).
        Resources: 'Second Unit, Camera Package',
        'Cost Account': '2800',
        Constraint: 'SNET',
        'Constraint Date': '2027-05-10',
      }),
    ),
    L(
      2,
      t('SH-6', 'Pickups', '2d', 'SH-4', {
        Resources: 'Director, Camera Crew, Camera Package, Cast[2]',
        'Cost Account': '2600',
      }),
    ),
    L(
      2,
      t('SH-7', 'Dailies review', '20d', 'SH-1SS+1d, SH-6FF+1d', { Resources: 'Editor[50%]', 'Cost Account': '3100' }),
    ),
    L(2, t('SH-8', 'Wrap', 0, 'SH-6, SH-5', { Deadline: '2027-06-11' })),
    L(1, t('PO', 'Post-production', '')),
    L(2, t('PO-1', "Editor's assembly", '10d', 'SH-8', { Resources: 'Editor', 'Cost Account': '3100' })),
    L(2, t('PO-2', "Director's cut", '4w', 'PO-1', { Resources: 'Editor, Director', 'Cost Account': '3100' })),
    L(2, t('PO-3', 'Picture lock', 0, 'PO-2', { Constraint: 'FNLT', 'Constraint Date': '2027-08-13' })),
    L(
      2,
      t('PO-4', 'Visual effects', '25d', 'PO-1SS+5d', {
        Resources: 'VFX Vendor',
        'Cost Account': '3300',
        'Fixed Cost': 120000,
      }),
    ),
    L(2, t('PO-5', 'Sound design', '15d', 'PO-3', { Resources: 'Sound Designer', 'Cost Account': '3400' })),
    L(
      2,
      t('PO-6', 'Music scoring', '15d', 'PO-3SS+5d', {
        Resources: 'Composer',
        'Cost Account': '3500',
        'Fixed Cost': 35000,
      }),
    ),
    L(2, t('PO-7', 'Colour grade', '7d', 'PO-3, PO-4', { Resources: 'Colourist', 'Cost Account': '3200' })),
    L(2, t('PO-8', 'Final mix', '5d', 'PO-5, PO-6', { Resources: 'Re-recording Mixer', 'Cost Account': '3400' })),
    L(
      2,
      t('PO-9', 'Deliverables and QC', '3d', 'PO-7, PO-8', { Resources: 'Post Supervisor', 'Cost Account': '3600' }),
    ),
    L(2, t('PO-10', 'Delivery to distributor', 0, 'PO-9', { Deadline: '2027-10-29' })),
  ];
  // Hourly rates as a production accountant would load them (crews and packages per hour of shooting).
  // VFX Vendor and Composer work for a fixed bid and a package fee (the Fixed Cost of PO-4 and PO-6),
  // so they carry no hourly rate: one would count them twice.
  const resources: Row[] = [
    ['Producer', 'Work', 1, 125, '1100'],
    ['Line Producer', 'Work', 1, 110, '1100'],
    ['Director', 'Work', 1, 175, '1200'],
    ['Cast', 'Work', 8, 180, '1210'],
    ['Casting Director', 'Work', 1, 85, '1300'],
    ['Location Manager', 'Work', 1, 65, '2400'],
    ['Production Designer', 'Work', 1, 95, '2200'],
    ['Construction Crew', 'Work', 3, 48, '2300'],
    ['Costume Designer', 'Work', 1, 75, '2500'],
    ['Camera Crew', 'Work', 1, 320, '2600'],
    ['Camera Package', 'Equipment', 1, 300, '2600'],
    ['Grip and Electric', 'Work', 1, 360, '2610'],
    ['Transport', 'Work', 1, 150, '2700'],
    ['Second Unit', 'Work', 1, 1100, '2800'],
    ['Editor', 'Work', 1, 105, '3100'],
    ['Colourist', 'Work', 1, 350, '3200'],
    ['VFX Vendor', 'Work', 1, 0, '3300'],
    ['Sound Designer', 'Work', 1, 120, '3400'],
    ['Re-recording Mixer', 'Work', 1, 450, '3400'],
    ['Composer', 'Work', 1, 0, '3500'],
    ['Post Supervisor', 'Work', 1, 85, '3130'],
  ].map(([Name, Type, units, Rate, acct]) => ({ Name, Type, 'Max Units': units, Rate, 'Cost Account': acct }) as Row);
  // The stage is rented for the interiors only (its rent is a weekly line on the budget, not a rate).
  resources.push({
    Name: 'Stage 2',
    Type: 'Equipment',
    'Max Units': 1,
    Rate: 0,
    'Cost Account': '2330',
    'Available From': '2027-05-10',
    'Available To': '2027-05-29',
  });
  // A Movie Magic style chart of accounts as of the status date, three weeks into prep: development paid,
  // prep partly spent, the shoot's crews, stages and rentals mostly under deal memo, post barely started.
  // Committed is what is contracted but not yet paid. Units | Qty | Rate lines are weeks (days) x heads x rate.
  // ETC is typed where the forecast differs from what is left of the budget: over on 1210, 1300 and
  // 2300 (amber) and 2400 and 3300 (red); under where a deal closed below budget or the work is done.
  const lines: [string, LineSpec[]][] = [
    [
      'Above the line',
      [
        ['1010', 'Story rights (option and purchase price)', 100000, 0, 100000],
        ['1020', 'Screenplay (writer fees, WGA)', 140000, 10000, 130000],
        ['1030', 'Script research, clearance report and copies', 9500, 0, 6800, 0],
        ['1100', 'Producers', 200000, 150000, 50000],
        ['1110', 'Executive producers', 75000, 75000, 0],
        ['1120', 'Associate producer', [30, 1, 1200], 32400, 3600],
        ['1150', "Producers' assistants and development expenses", [32, 1, 1150], 0, 4900],
        ['1200', 'Director (fee, prep, shoot and cut; rehearsals)', 225000, 180000, 45000],
        ['1210', 'Principal cast (4 leads, pay-or-play)', 620000, 460000, 46000, 155000],
        ['1220', 'Supporting cast', [4, 6, 5500], 50000, 0],
        ['1230', 'Day players', [45, 1, 1250], 0, 0],
        ['1240', 'Stunt coordinator and performers', 38000, 10000, 0],
        ['1300', 'Casting (casting director and sessions)', 55000, 16000, 24500, 18500],
        ['1310', 'Extras casting and casting expenses', 12000, 2500, 3100],
        ['1400', 'ATL travel and living', 65000, 16000, 7400],
        ['1500', 'ATL fringes (DGA, SAG-AFTRA, WGA pension and health)', 190000, 0, 30000],
      ],
    ],
    [
      'Production',
      [
        ['2100', 'Production staff (UPM, coordinators, accountants)', [16, 4, 2400], 92000, 14500],
        ['2110', 'Assistant directors', [12, 3, 2700], 68000, 6100],
        ['2120', 'Script supervisor', [8, 1, 2450], 19600, 0],
        ['2130', 'Production assistants', [10, 6, 1000], 26000, 2400],
        ['2140', 'Extras and stand-ins', [22, 20, 180], 0, 0],
        ['2200', 'Production design and art department', [14, 3, 2400], 58000, 15100],
        ['2210', 'Art department supplies and graphics', 18000, 2800, 2400],
        ['2300', 'Set construction (labour and materials)', 190000, 120000, 7000, 77000],
        ['2310', 'Set dressing', 70000, 21000, 3200],
        ['2320', 'Property', 42000, 9000, 1800],
        ['2330', 'Stage rental', [4, 1, 22000], 66000, 22000],
        ['2340', 'Set strike and restoration', 24000, 0, 0],
        ['2400', 'Locations (site fees, permits, harbour authority)', 140000, 72000, 11500, 76000],
        ['2410', 'Location scouting and surveys', 14000, 1500, 6200, 4000],
        ['2420', 'Location security and police', [24, 4, 400], 9600, 0],
        ['2500', 'Wardrobe (designer and department)', [12, 3, 2000], 38000, 6000],
        ['2510', 'Wardrobe purchases and rentals', 62000, 9000, 4100],
        ['2520', 'Make-up and hair', [8, 3, 2200], 33000, 0],
        ['2530', 'Make-up and hair supplies, prosthetics', 16000, 3500, 0],
        ['2600', 'Camera (crew, package, underwater housings)', 360000, 275000, 11000, 60000],
        ['2610', 'Grip and electric crew', [6, 9, 2500], 101000, 0],
        ['2620', 'Lighting and grip equipment', [5, 1, 21000], 95000, 0, 0],
        ['2630', 'Production sound', [6, 3, 2500], 42500, 0, 0],
        ['2640', 'Special effects (rain, smoke, practical)', 48000, 20000, 0],
        ['2650', 'Video assist and playback', [6, 1, 2800], 16800, 0],
        ['2660', 'Marine unit and safety divers', 34000, 12000, 0],
        ['2700', 'Transportation (drivers)', [7, 6, 2000], 60000, 0],
        ['2710', 'Vehicle rentals and fuel', 62000, 45000, 1900],
        ['2720', 'Picture vehicles and boats', 58000, 34000, 0, 18000],
        ['2730', 'Catering and craft services', [25, 90, 36], 62000, 0],
        ['2740', 'Production office (rent, equipment, supplies)', [24, 1, 3200], 38400, 9600],
        ['2800', 'Second unit (aerials: helicopter, aerial camera, crew)', 68000, 52000, 0, 10000],
        ['2900', 'Digital imaging and dailies (DIT, data, drives)', 64000, 30000, 0],
        ['2910', 'Data archiving (LTO)', 12000, 0, 0],
        ['2950', 'Production fringes (payroll taxes, union pension and health)', 190000, 0, 7300],
        ['2960', 'Crew travel and lodging', 72000, 22000, 1200],
        ['2970', 'Set medic and safety', [6, 1, 2400], 14400, 0],
      ],
    ],
    [
      'Post-production',
      [
        ['3100', 'Editor', [22, 1, 4200], 46200, 0],
        ['3110', 'Assistant editor', [20, 1, 2000], 10000, 0],
        ['3120', 'Editing rooms and systems', [22, 1, 2400], 0, 0],
        ['3130', 'Post-production supervisor', [24, 1, 3000], 36000, 3000],
        ['3200', 'Colour grading (DI)', 58000, 0, 0],
        ['3210', 'Conform and online', 18000, 0, 0],
        ['3300', 'Visual effects (vendor)', 300000, 90000, 12000, 238000],
        ['3310', 'VFX supervisor', [20, 1, 3800], 38000, 7600],
        ['3320', 'Previsualisation', 22000, 4000, 9500, 5000],
        ['3400', 'Sound design, editorial and final mix', 110000, 0, 0],
        ['3410', 'ADR and Foley', 42000, 0, 0],
        ['3500', 'Music (composer package)', 70000, 35000, 0],
        ['3510', 'Music licensing', 45000, 0, 0],
        ['3520', 'Music supervisor', 18000, 9000, 0],
        ['3600', 'Deliverables and QC (DCP, masters, M&E)', 38000, 0, 0],
        ['3610', 'Titles and graphics', 16000, 0, 0],
        ['3620', 'Captions, subtitles and audio description', 9500, 0, 0],
        ['3650', 'Post fringes', 48000, 0, 600],
      ],
    ],
    [
      'Other',
      [
        ['6100', 'Insurance (production package, E&O)', 85000, 50000, 0, 27000],
        ['6200', 'Completion bond', 95000, 0, 0],
        ['6300', 'Legal (production counsel, chain of title)', 75000, 16000, 22000],
        ['6310', 'Accounting and audit', 35000, 0, 3000],
        ['6400', 'Publicity and unit stills', 42000, 12000, 0],
        ['6450', 'Electronic press kit (behind the scenes)', 18000, 0, 0],
        ['6500', 'General expense (office, phones, IT, bank charges)', 38000, 0, 4200],
        ['6600', 'Financing costs (interest and bank fees)', 50000, 0, 4000],
      ],
    ],
  ];
  const subtotal = lines.reduce((s, [, ls]) => s + ls.reduce((a, l) => a + amountOf(l[2]), 0), 0);
  lines[lines.length - 1][1].push(['6900', 'Contingency (10%)', Math.round(subtotal / 10000) * 1000, 0, 0]);
  const budget = budgetRows(lines);
  return {
    file: 'film-shoot',
    title: 'Film shoot "Harbour Lights"',
    tasksAsTable: true,
    doc: {
      settings: {
        'Project Name': 'Harbour Lights',
        Subtitle: 'Feature film: prep, shoot and post',
        'Project Start': '2027-03-01',
        'Status Date': '2027-03-19',
        'Working Days': 'Mon-Fri',
        'Working Hours': '08:00-12:00,13:00-17:00',
        Currency: 'USD',
        'Variance Amber %': 5,
        'Variance Red %': 10,
        'Gantt Scale': 'auto',
      },
      holidays: [
        { Date: '2027-03-26', Name: 'Good Friday' },
        { Date: '2027-03-29', Name: 'Easter Monday' },
        { Date: '2027-05-31', Name: 'Memorial Day' },
        { Date: '2027-07-05', Name: 'Independence Day (observed)' },
        { Date: '2027-09-06', Name: 'Labor Day' },
      ],
      tasks,
      resources,
      budget,
    },
  };
}

/** A factory's production run: nine work orders through cutting, two assembly lines, QC and shipping. */
function factoryRunBooks(): ExamplePlan {
  const tasks: Row[] = [];
  // Work order, product, assembly line, material arrival (SNET on kitting), promised ship date.
  const orders = [
    ['WO-1001', 'Pump housings', 1, '2027-03-03', '2027-03-10'],
    ['WO-1002', 'Valve bodies', 2, '2027-03-05', '2027-03-15'],
    ['WO-1003', 'Impellers', 1, '', '2027-03-19'],
    ['WO-1004', 'Motor mounts', 2, '2027-03-10', '2027-03-24'],
    ['WO-1005', 'Bearing caps', 1, '', '2027-03-19'],
    ['WO-1006', 'Flanges', 2, '2027-03-17', '2027-04-02'],
    ['WO-1007', 'Shaft couplings', 1, '', '2027-04-02'],
    ['WO-1008', 'Gear covers', 2, '2027-03-24', '2027-04-14'],
    ['WO-1009', 'Seal plates', 1, '', '2027-04-09'],
  ] as const;
  // Where the orders stand at the status date: the kits with material in stock picked, the first order on its line (the CNC and assembly tasks book through their
  // resources: machine time to MCH-200 and MCH-210, machinists to LAB-305, assemblers to LAB-300).
  const done: Record<string, string> = {
    'WO-1001-K': '100%',
    'WO-1001-C': '100%',
    'WO-1001-A': '20%',
    'WO-1003-K': '100%',
    'WO-1005-K': '100%',
    'WO-1007-K': '100%',
    'WO-1009-K': '50%',
  };
  const progress = (wo: string, step: string): Row =>
    done[`${wo}-${step}`] ? { '% Complete': done[`${wo}-${step}`] } : {};
  orders.forEach(([wo, product, line, materialDate, shipBy], k) => {
    const qty = 400 + 150 * (k % 4);
    tasks.push({ ID: wo, Name: `${wo} ${product} (${qty} pcs)`, Duration: '', 'Outline Level': 1 });
    const kit: Row = {
      ID: `${wo}-K`,
      Name: 'Material kitting',
      Duration: '6h',
      'Outline Level': 2,
      Resources: 'Stores',
      'Cost Account': 'MAT-100',
      'Fixed Cost': qty * 18,
      ...progress(wo, 'K'),
    };
    if (materialDate) Object.assign(kit, { Constraint: 'SNET', 'Constraint Date': materialDate });
    tasks.push(kit);
    // The CNC cell and the lines take one order at a time: leveling sequences them (Settings Leveling On).
    tasks.push({
      ID: `${wo}-C`,
      Name: 'CNC cutting',
      Duration: `${Math.round(qty / 50)}h`,
      Predecessors: `${wo}-K`,
      'Outline Level': 2,
      Resources: 'CNC Cell, Machinist',
      ...progress(wo, 'C'),
    });
    tasks.push({
      ID: `${wo}-A`,
      Name: `Assembly on Line ${line}`,
      Duration: `${(qty / 100).toFixed(1)}d`,
      Predecessors: `${wo}-CSS+4h`,
      'Outline Level': 2,
      Resources: `Line ${line}, Assembler[4]`,
      ...progress(wo, 'A'),
    });
    tasks.push({
      ID: `${wo}-Q`,
      Name: 'Quality inspection',
      Duration: '4h',
      Predecessors: `${wo}-A`,
      'Outline Level': 2,
      Resources: 'QC Inspector',
      'Cost Account': 'LAB-310',
    });
    tasks.push({
      ID: `${wo}-P`,
      Name: 'Pack and palletise',
      Duration: '3h',
      Predecessors: `${wo}-QFF+1h`,
      'Outline Level': 2,
      Resources: 'Packer[2]',
      'Cost Account': 'LAB-320',
    });
    tasks.push({
      ID: `${wo}-S`,
      Name: 'Ship',
      Duration: 0,
      Predecessors: `${wo}-P`,
      'Outline Level': 2,
      Deadline: shipBy,
    });
  });
  tasks.push({
    ID: 'MAINT',
    Name: 'Line 2 preventive maintenance',
    Duration: '1d',
    'Outline Level': 1,
    Constraint: 'MSO',
    'Constraint Date': '2027-03-20',
    Resources: 'Maintenance',
    'Cost Account': 'OVH-400',
  });
  // Loaded hourly rates in EUR; machine rates cover depreciation, power and upkeep.
  const resources: Row[] = [
    ['Stores', 'Work', 2, 32, 'LAB-330'],
    ['CNC Cell', 'Equipment', 1, 85, 'MCH-200'],
    ['Machinist', 'Work', 2, 41, 'LAB-305'],
    ['Line 1', 'Equipment', 1, 60, 'MCH-210'],
    ['Line 2', 'Equipment', 1, 60, 'MCH-210'],
    ['Assembler', 'Work', 10, 29, 'LAB-300'],
    ['QC Inspector', 'Work', 2, 38, 'LAB-310'],
    ['Packer', 'Work', 4, 24, 'LAB-320'],
    ['Maintenance', 'Work', 2, 55, 'OVH-400'],
  ].map(([Name, Type, units, Rate, acct]) => ({ Name, Type, 'Max Units': units, Rate, 'Cost Account': acct }) as Row);
  // The CNC cell and its machinists run three shifts on weekdays, round the clock; the lines work
  // the plant's two shifts (the project calendar), Monday to Saturday.
  const shifts: Record<string, string> = { 'CNC Cell': 'Three shifts', Machinist: 'Three shifts' };
  for (const r of resources) if (shifts[r.Name as string]) r.Calendar = shifts[r.Name as string];
  // 5,400 pieces over about six weeks, as of the third day: the kits of four orders received and paid,
  // purchase orders open for the rest, little labour or machine time booked yet.
  // ETC is typed where the forecast differs from what is left: over on MAT-100 (amber: metals surcharge)
  // and OVH-410 (red: electricity tariff); under where everything is bought.
  const budget = budgetRows([
    [
      'Material',
      [
        ['MAT-100', 'Castings and bar stock (incl. yield loss)', [5400, 1, 18.5], 51100, 47700, 8400],
        ['MAT-110', 'Fasteners', [5400, 12, 0.125], 5400, 2300, 0],
        ['MAT-120', 'O-rings, seals and gaskets', [5400, 2, 0.375], 2600, 900, 0],
        ['MAT-130', 'Bearings and bushings', [1950, 2, 3.75], 6375, 8250],
        ['MAT-140', 'Paint and surface coating', 4600, 2000, 850],
        ['MAT-150', 'Packaging (pallets, crates, foam)', [64, 1, 42], 1300, 0],
        ['MAT-160', 'Cutting tools and inserts', 7200, 2400, 1650],
        ['MAT-170', 'Coolant, lubricants and shop consumables', 2400, 0, 380],
      ],
    ],
    [
      'Labour',
      [
        ['LAB-300', 'Direct labour: assembly crews (4 per line)', [864, 4, 29], 0, 2800],
        ['LAB-305', 'Direct labour: machinists', [120, 1, 41], 0, 350],
        ['LAB-310', 'Quality inspection (incoming, first article, final)', [120, 1, 38], 0, 420],
        ['LAB-320', 'Packing', [72, 2, 24], 0, 0],
        ['LAB-330', 'Stores, receiving and kitting', [110, 1, 32], 0, 1150],
        ['LAB-340', 'Overtime premium', 6500, 0, 0],
        ['LAB-350', 'Shift supervision (two shifts)', [6, 2, 1450], 0, 1450],
        ['LAB-360', 'Agency labour for the Line 2 peak', 8000, 8000, 0],
      ],
    ],
    [
      'Machine time',
      [
        ['MCH-200', 'CNC machine time', [120, 1, 85], 0, 720],
        ['MCH-210', 'Assembly line time (Lines 1 and 2)', [864, 1, 60], 0, 360],
        ['MCH-220', 'Paint booth', [40, 1, 48], 0, 0],
        ['MCH-230', 'Pressure test rig', [36, 1, 55], 0, 0],
        ['MCH-240', 'Forklifts and material handling', [6, 2, 210], 0, 210],
      ],
    ],
    [
      'Overhead',
      [
        ['OVH-400', 'Maintenance (Line 2 preventive maintenance, spares)', 2500, 1200, 0],
        ['OVH-410', 'Energy (electricity, compressed air)', [6, 1, 1250], 0, 1180, 7300],
        ['OVH-420', 'Plant overhead allocation', [6, 1, 2500], 0, 1250],
        ['OVH-430', 'Calibration and certificates', 1800, 600, 0, 900],
        ['OVH-440', 'Outbound freight', [9, 1, 380], 0, 0],
        ['OVH-450', 'Waste disposal and swarf recycling', 950, 0, 120],
      ],
    ],
  ]);
  return {
    file: 'factory-run',
    title: 'Factory production run, March 2027',
    tasksAsTable: false,
    doc: {
      settings: {
        'Project Name': 'Plant 2 production run',
        Subtitle: 'March 2027 orders',
        'Project Start': '2027-03-01',
        'Status Date': '2027-03-03',
        'Working Days': 'Mon-Sat',
        'Working Hours': '06:00-14:00,14:30-22:30',
        Currency: 'EUR',
        'Gantt Scale': 'day',
        Leveling: 'On',
      },
      calendars: [
        { Name: 'Three shifts', 'Working Days': 'Mon-Fri', 'Working Hours': '06:00-14:00,14:00-22:00,22:00-06:00' },
      ],
      holidays: [
        { Date: '2027-03-26', Name: 'Plant shutdown' },
        { Date: '2027-03-29', Name: 'Plant shutdown' },
      ],
      tasks,
      resources,
      budget,
    },
  };
}

/**
 * Makes a sample's money consistent with its schedule, as a production accountant's books would be:
 * a baseline fixed from the schedule (with `slips`: tasks now running that many working days later
 * than baselined), and the Actual of each account the tasks book to following the work done on them
 * (earned value times a per-account cost efficiency, so CPI reads as a real project's would). The
 * difference moves to Committed (or out of a typed ETC), so each line's estimated final cost stays.
 */
function settle(example: ExamplePlan, slips: Record<string, number>, efficiency: readonly number[]): ExamplePlan {
  const doc = example.doc;
  const today = { today: new Date(Date.UTC(2027, 0, 1)) };
  const first = calculate(readJsonPlan(doc).workbook, today);
  if (!first.plan || !first.schedule) throw new Error(`${example.file}: ${JSON.stringify(first.issues)}`);
  const cal = first.schedule.calendar;
  first.plan.tasks.forEach((t, i) => {
    const row = doc.tasks[i];
    const back = (slips[t.id] ?? 0) * cal.minutesPerDay;
    const start = cal.startWall(cal.index(first.schedule!.start[i]) - back);
    const finish = cal.finishWall(cal.index(first.schedule!.finish[i]) - back);
    row['Baseline Start'] = formatWall(start);
    row['Baseline Finish'] = formatWall(finish);
  });
  const second = calculate(readJsonPlan(doc).workbook, today);
  if (!second.costs) throw new Error(`${example.file}: ${JSON.stringify(second.issues)}`);
  second.costs.earnedValue.accounts.forEach((a, k) => {
    const row = doc.budget.find((b) => b.Account === a.account)!;
    const old = Number(row.Actual ?? 0);
    const actual = Math.round((a.figures.ev * efficiency[k % efficiency.length]) / 10) * 10;
    row.Actual = actual;
    if (typeof row.ETC === 'number') row.ETC = Math.max(0, row.ETC + old - actual);
    else row.Committed = Math.max(0, Number(row.Committed ?? 0) + old - actual);
  });
  return example;
}

/** The film sample, baselined at greenlight: casting, the location scout and design have slipped since. */
export function filmShoot(): ExamplePlan {
  return settle(filmShootBooks(), { 'PRE-4': 2, 'PRE-5': 3, 'PRE-8': 1 }, [1.06, 0.97, 1.12, 1.0, 0.93, 1.04]);
}

/** The factory sample, baselined at release: the last kit is half a day behind. */
export function factoryRun(): ExamplePlan {
  return settle(factoryRunBooks(), { 'WO-1009-K': 0.5 }, [1.03, 0.96, 1.08, 1.0]);
}

export const EXAMPLES = [filmShoot, factoryRun];
