/**
 * The two sample plans, in the JSON form of the workbook contract. The demo
 * writes each as an .xlsx workbook (as a coordinator would type it) and as
 * .json into examples/.
 */
type Row = Record<string, string | number>;

export interface ExamplePlan {
  file: string;
  title: string;
  doc: { settings: Row; holidays: Row[]; tasks: Row[]; resources: Row[]; budget: Row[] };
  tasksAsTable: boolean;
}

function t(id: string, name: string, duration: string | number, predecessors = '', more: Row = {}): Row {
  const row: Row = { ID: id, Name: name, Duration: duration };
  if (predecessors) row.Predecessors = predecessors;
  return { ...row, ...more };
}

/** A feature film's prep, shoot and post: about 40 tasks, with progress at the status date. */
export function filmShoot(): ExamplePlan {
  const L = (level: number, row: Row): Row => ({ ...row, 'Outline Level': level });
  const tasks: Row[] = [
    L(1, t('PRE', 'Pre-production', '')),
    L(2, t('PRE-1', 'Script lock', '5d', '', { Resources: 'Producer', 'Cost Account': '1100', '% Complete': '100%', 'Actual Start': '2027-03-01', 'Actual Finish': '2027-03-05' })),
    L(2, t('PRE-2', 'Budget and schedule approval', '3d', 'PRE-1', { Resources: 'Producer, Line Producer', 'Cost Account': '1100', '% Complete': '100%', 'Actual Start': '2027-03-08', 'Actual Finish': '2027-03-10' })),
    L(2, t('PRE-3', 'Greenlight', 0, 'PRE-2')),
    L(2, t('PRE-4', 'Casting', '15d', 'PRE-3', { Resources: 'Casting Director', 'Cost Account': '1300', '% Complete': '40%', 'Actual Start': '2027-03-11' })),
    L(2, t('PRE-5', 'Location scout', '10d', 'PRE-3', { Resources: 'Location Manager', 'Cost Account': '2400', '% Complete': '50%' })),
    L(2, t('PRE-6', 'Location permits', '10d', 'PRE-5FS+2d', { Resources: 'Location Manager', 'Cost Account': '2400', Deadline: '2027-04-16' })),
    L(2, t('PRE-7', 'Crew hiring', '10d', 'PRE-3SS+5d', { Resources: 'Line Producer', 'Cost Account': '2100' })),
    L(2, t('PRE-8', 'Production design', '15d', 'PRE-3', { Resources: 'Production Designer', 'Cost Account': '2200', '% Complete': '30%' })),
    L(2, t('PRE-9', 'Set construction', '15d', 'PRE-8, PRE-6SS+5d', { Resources: 'Construction Crew[2]', 'Cost Account': '2300', 'Fixed Cost': 18000 })),
    L(2, t('PRE-10', 'Paint sets', '3d', 'PRE-9', { Resources: 'Construction Crew', 'Cost Account': '2300' })),
    L(2, t('PRE-11', 'Paint curing', '2ed', 'PRE-10')),
    L(2, t('PRE-12', 'Costume fittings', '8d', 'PRE-4FF+3d', { Resources: 'Costume Designer', 'Cost Account': '2500' })),
    L(2, t('PRE-13', 'Camera tests', '2d', 'PRE-7', { Resources: 'Camera Crew, Camera Package', 'Cost Account': '2600' })),
    L(2, t('PRE-14', 'Table read', '4h', 'PRE-4', { Resources: 'Director, Cast[6]', 'Cost Account': '1200' })),
    L(2, t('PRE-15', 'Rehearsals', '5d', 'PRE-14', { Resources: 'Director, Cast[6]', 'Cost Account': '1200' })),
    L(2, t('PRE-16', 'Insurance and completion bond', '5d', 'PRE-2', { Constraint: 'ALAP', 'Cost Account': '6100', 'Fixed Cost': 42000 })),
    L(2, t('PRE-17', 'Prep complete', 0, 'PRE-11, PRE-12, PRE-13, PRE-15, PRE-16')),
    L(1, t('SH', 'Principal photography', '')),
    L(2, t('SH-1', 'Block 1: harbour exteriors', '5d', 'PRE-17', { Resources: 'Director, Camera Crew, Camera Package, Grip and Electric, Cast[4]', 'Cost Account': '2600' })),
    L(2, t('SH-2', 'Company move to stage', '4h', 'SH-1', { Resources: 'Transport', 'Cost Account': '2700' })),
    L(2, t('SH-3', 'Block 2: stage interiors', '10d', 'SH-2', { Resources: 'Director, Camera Crew, Camera Package, Grip and Electric, Cast[6]', 'Cost Account': '2600' })),
    L(2, t('SH-4', 'Block 3: night exteriors', '5d', 'SH-3', { Resources: 'Director, Camera Crew, Camera Package, Grip and Electric, Cast[3]', 'Cost Account': '2600' })),
    L(2, t('SH-5', 'Second unit: aerials', '2d', 'SH-1SS+3d', { Resources: 'Second Unit', 'Cost Account': '2800', Constraint: 'SNET', 'Constraint Date': '2027-05-10' })),
    L(2, t('SH-6', 'Pickups', '2d', 'SH-4', { Resources: 'Director, Camera Crew, Camera Package, Cast[2]', 'Cost Account': '2600' })),
    L(2, t('SH-7', 'Dailies review', '20d', 'SH-1SS+1d, SH-6FF+1d', { Resources: 'Editor[50%]', 'Cost Account': '3100' })),
    L(2, t('SH-8', 'Wrap', 0, 'SH-6, SH-5', { Deadline: '2027-06-11' })),
    L(1, t('PO', 'Post-production', '')),
    L(2, t('PO-1', "Editor's assembly", '10d', 'SH-8', { Resources: 'Editor', 'Cost Account': '3100' })),
    L(2, t('PO-2', "Director's cut", '4w', 'PO-1', { Resources: 'Editor, Director', 'Cost Account': '3100' })),
    L(2, t('PO-3', 'Picture lock', 0, 'PO-2', { Constraint: 'FNLT', 'Constraint Date': '2027-08-13' })),
    L(2, t('PO-4', 'Visual effects', '25d', 'PO-1SS+5d', { Resources: 'VFX Vendor', 'Cost Account': '3300', 'Fixed Cost': 120000 })),
    L(2, t('PO-5', 'Sound design', '15d', 'PO-3', { Resources: 'Sound Designer', 'Cost Account': '3400' })),
    L(2, t('PO-6', 'Music scoring', '15d', 'PO-3SS+5d', { Resources: 'Composer', 'Cost Account': '3500', 'Fixed Cost': 35000 })),
    L(2, t('PO-7', 'Colour grade', '7d', 'PO-3, PO-4', { Resources: 'Colourist', 'Cost Account': '3200' })),
    L(2, t('PO-8', 'Final mix', '5d', 'PO-5, PO-6', { Resources: 'Re-recording Mixer', 'Cost Account': '3400' })),
    L(2, t('PO-9', 'Deliverables and QC', '3d', 'PO-7, PO-8', { Resources: 'Post Supervisor', 'Cost Account': '3600' })),
    L(2, t('PO-10', 'Delivery to distributor', 0, 'PO-9', { Deadline: '2027-10-29' })),
  ];
  const resources: Row[] = [
    ['Producer', 'Work', 1, 95, '1100'], ['Line Producer', 'Work', 1, 80, '1100'], ['Director', 'Work', 1, 150, '1200'],
    ['Cast', 'Work', 8, 120, '1200'], ['Casting Director', 'Work', 1, 70, '1300'], ['Location Manager', 'Work', 1, 55, '2400'],
    ['Production Designer', 'Work', 1, 85, '2200'], ['Construction Crew', 'Work', 3, 45, '2300'], ['Costume Designer', 'Work', 1, 65, '2500'],
    ['Camera Crew', 'Work', 1, 240, '2600'], ['Camera Package', 'Equipment', 1, 150, '2600'], ['Grip and Electric', 'Work', 1, 210, '2600'],
    ['Transport', 'Work', 1, 90, '2700'], ['Second Unit', 'Work', 1, 400, '2800'], ['Editor', 'Work', 1, 75, '3100'],
    ['Colourist', 'Work', 1, 110, '3200'], ['VFX Vendor', 'Work', 1, 0, '3300'], ['Sound Designer', 'Work', 1, 80, '3400'],
    ['Re-recording Mixer', 'Work', 1, 120, '3400'], ['Composer', 'Work', 1, 0, '3500'], ['Post Supervisor', 'Work', 1, 70, '3600'],
  ].map(([Name, Type, units, Rate, acct]) => ({ Name, Type, 'Max Units': units, Rate, 'Cost Account': acct }) as Row);
  const budget: Row[] = [
    ['1100', 'Producers', 'Above the line', 60000, 20000, 18500], ['1200', 'Director and cast', 'Above the line', 310000, 150000, 0],
    ['1300', 'Casting', 'Above the line', 12000, 4000, 3800], ['2100', 'Production staff', 'Production', 45000, 10000, 0],
    ['2200', 'Production design', 'Production', 16000, 0, 3000], ['2300', 'Set construction', 'Production', 48000, 25000, 4200],
    ['2400', 'Locations', 'Production', 30000, 8000, 2500], ['2500', 'Wardrobe', 'Production', 14000, 2000, 0],
    ['2600', 'Camera, grip and electric', 'Production', 190000, 60000, 0], ['2700', 'Transport', 'Production', 12000, 0, 0],
    ['2800', 'Second unit', 'Production', 22000, 22000, 0], ['3100', 'Editorial', 'Post', 52000, 0, 0],
    ['3200', 'Colour', 'Post', 9000, 0, 0], ['3300', 'Visual effects', 'Post', 125000, 60000, 0],
    ['3400', 'Sound', 'Post', 25000, 0, 0], ['3500', 'Music', 'Post', 35000, 35000, 0], ['3600', 'Deliverables', 'Post', 8000, 0, 0],
    ['6100', 'Insurance and completion bond', 'Other', 45000, 0, 0], ['6900', 'Contingency (10%)', 'Other', 100000, 0, 0],
  ].map(([Account, Description, Category, Budget, Committed, Actual]) => ({ Account, Description, Category, Budget, Committed, Actual }) as Row);
  return {
    file: 'film-shoot',
    title: 'Film shoot "Harbour Lights"',
    tasksAsTable: true,
    doc: {
      settings: { 'Project Start': '2027-03-01', 'Status Date': '2027-03-19', 'Working Days': 'Mon-Fri', 'Working Hours': '08:00-12:00,13:00-17:00', Currency: 'USD', 'Variance Amber %': 5, 'Variance Red %': 10, 'Gantt Scale': 'auto' },
      holidays: [
        { Date: '2027-03-26', Name: 'Good Friday' }, { Date: '2027-03-29', Name: 'Easter Monday' },
        { Date: '2027-05-31', Name: 'Memorial Day' }, { Date: '2027-07-05', Name: 'Independence Day (observed)' },
        { Date: '2027-09-06', Name: 'Labor Day' },
      ],
      tasks,
      resources,
      budget,
    },
  };
}

/** A factory's production run: nine work orders through cutting, two assembly lines, QC and shipping. */
export function factoryRun(): ExamplePlan {
  const tasks: Row[] = [];
  // Work order, product, assembly line, material arrival (SNET on kitting), promised ship date.
  const orders = [
    ['WO-1001', 'Pump housings', 1, '2027-03-03', '2027-03-10'], ['WO-1002', 'Valve bodies', 2, '2027-03-05', '2027-03-15'],
    ['WO-1003', 'Impellers', 1, '', '2027-03-19'], ['WO-1004', 'Motor mounts', 2, '2027-03-10', '2027-03-24'],
    ['WO-1005', 'Bearing caps', 1, '', '2027-03-19'], ['WO-1006', 'Flanges', 2, '2027-03-17', '2027-04-02'],
    ['WO-1007', 'Shaft couplings', 1, '', '2027-04-02'], ['WO-1008', 'Gear covers', 2, '2027-03-24', '2027-04-14'],
    ['WO-1009', 'Seal plates', 1, '', '2027-04-09'],
  ] as const;
  const lastOnLine: Record<number, string> = {};
  let lastCut = '';
  orders.forEach(([wo, product, line, materialDate, shipBy], k) => {
    const qty = 400 + 150 * (k % 4);
    tasks.push({ ID: wo, Name: `${wo} ${product} (${qty} pcs)`, Duration: '', 'Outline Level': 1 });
    const kit: Row = { ID: `${wo}-K`, Name: 'Material kitting', Duration: '6h', 'Outline Level': 2, Resources: 'Stores', 'Cost Account': 'MAT-100', 'Fixed Cost': qty * 18 };
    if (materialDate) Object.assign(kit, { Constraint: 'SNET', 'Constraint Date': materialDate });
    tasks.push(kit);
    const cutPreds = [`${wo}-K`, lastCut].filter(Boolean).join(', ');
    tasks.push({ ID: `${wo}-C`, Name: 'CNC cutting', Duration: `${Math.round(qty / 50)}h`, Predecessors: cutPreds, 'Outline Level': 2, Resources: 'CNC Cell, Machinist', 'Cost Account': 'MCH-200' });
    lastCut = `${wo}-C`;
    const asmPreds = [`${wo}-CSS+4h`, lastOnLine[line]].filter(Boolean).join(', ');
    tasks.push({ ID: `${wo}-A`, Name: `Assembly on Line ${line}`, Duration: `${(qty / 100).toFixed(1)}d`, Predecessors: asmPreds, 'Outline Level': 2, Resources: `Line ${line}, Assembler[4]`, 'Cost Account': 'LAB-300' });
    lastOnLine[line] = `${wo}-A`;
    tasks.push({ ID: `${wo}-Q`, Name: 'Quality inspection', Duration: '4h', Predecessors: `${wo}-A`, 'Outline Level': 2, Resources: 'QC Inspector', 'Cost Account': 'LAB-310' });
    tasks.push({ ID: `${wo}-P`, Name: 'Pack and palletise', Duration: '3h', Predecessors: `${wo}-QFF+1h`, 'Outline Level': 2, Resources: 'Packer[2]', 'Cost Account': 'LAB-320' });
    tasks.push({ ID: `${wo}-S`, Name: 'Ship', Duration: 0, Predecessors: `${wo}-P`, 'Outline Level': 2, Deadline: shipBy });
  });
  tasks.push({ ID: 'MAINT', Name: 'Line 2 preventive maintenance', Duration: '1d', 'Outline Level': 1, Constraint: 'MSO', 'Constraint Date': '2027-03-20', Resources: 'Maintenance', 'Cost Account': 'OVH-400' });
  const resources: Row[] = [
    ['Stores', 'Work', 2, 32, 'LAB-330'], ['CNC Cell', 'Equipment', 1, 85, 'MCH-200'], ['Machinist', 'Work', 2, 41, 'LAB-300'],
    ['Line 1', 'Equipment', 1, 60, 'MCH-210'], ['Line 2', 'Equipment', 1, 60, 'MCH-210'], ['Assembler', 'Work', 10, 29, 'LAB-300'],
    ['QC Inspector', 'Work', 2, 38, 'LAB-310'], ['Packer', 'Work', 4, 24, 'LAB-320'], ['Maintenance', 'Work', 2, 55, 'OVH-400'],
  ].map(([Name, Type, units, Rate, acct]) => ({ Name, Type, 'Max Units': units, Rate, 'Cost Account': acct }) as Row);
  const budget: Row[] = [
    { Account: 'MAT-100', Description: 'Castings and bar stock', Category: 'Material', Units: 5100, Qty: 1, Rate: 18, Committed: 61000, Actual: 12400 },
    { Account: 'MAT-110', Description: 'Fasteners and seals', Category: 'Material', Budget: 6500, Committed: 2000, Actual: 900 },
    { Account: 'MCH-200', Description: 'CNC machine time', Category: 'Machine time', Budget: 9800, Committed: 0, Actual: 1200 },
    { Account: 'MCH-210', Description: 'Assembly line time', Category: 'Machine time', Budget: 31000, Committed: 0, Actual: 2900 },
    { Account: 'LAB-300', Description: 'Direct labour: machining and assembly', Category: 'Labour', Budget: 98000, Committed: 0, Actual: 8800 },
    { Account: 'LAB-310', Description: 'Quality inspection', Category: 'Labour', Budget: 5200, Committed: 0, Actual: 300 },
    { Account: 'LAB-320', Description: 'Packing', Category: 'Labour', Budget: 4100, Committed: 0, Actual: 200 },
    { Account: 'LAB-330', Description: 'Stores and kitting', Category: 'Labour', Budget: 3600, Committed: 0, Actual: 700 },
    { Account: 'OVH-400', Description: 'Maintenance', Category: 'Overhead', Budget: 2500, Committed: 1200, Actual: 0 },
    { Account: 'OVH-410', Description: 'Energy', Category: 'Overhead', Budget: 7200, Committed: 0, Actual: 1100 },
    { Account: 'OVH-420', Description: 'Plant overhead allocation', Category: 'Overhead', Budget: 15000, Committed: 0, Actual: 2500 },
  ];
  return {
    file: 'factory-run',
    title: 'Factory production run, March 2027',
    tasksAsTable: false,
    doc: {
      settings: { 'Project Start': '2027-03-01', 'Status Date': '2027-03-03', 'Working Days': 'Mon-Sat', 'Working Hours': '06:00-14:00,14:30-22:30', Currency: 'EUR', 'Gantt Scale': 'day' },
      holidays: [{ Date: '2027-03-26', Name: 'Plant shutdown' }, { Date: '2027-03-29', Name: 'Plant shutdown' }],
      tasks,
      resources,
      budget,
    },
  };
}

export const EXAMPLES = [filmShoot, factoryRun];
