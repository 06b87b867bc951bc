import { DirectoryFileError, UsageError } from '../../../../scripts/directory-import/errors';
import {
  formatOf,
  parseDirectoryFile,
  readDirectoryFile,
} from '../../../../scripts/directory-import/read-directory-file';

const HEADER = 'id,first_name,last_name,company,title,email,phone,city,state,aliases';

function csv(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

function fileError(run: () => unknown): DirectoryFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof DirectoryFileError) return error;
    throw error;
  }
  throw new Error('expected a DirectoryFileError');
}

describe('parseDirectoryFile with CSV', () => {
  it('reads columns in any order, quoted commas and line breaks, and gives each record its first line', () => {
    // Prepare
    const text = [
      'aliases,state,city,phone,email,title,company,last_name,first_name,id',
      'Bob;Rob,TX,Austin,(512) 555-0100,bob@acme.example,"Head of',
      'Operations","Barnes & Noble, Inc.",Nguyen,Robert,7',
      '',
      ',CA,,,,,,Lee,Ann,8',
    ].join('\n');

    // Act
    const contents = parseDirectoryFile(csv(text), 'csv');

    // Assess
    expect(contents.rejections).toEqual([]);
    expect(contents.records).toEqual([
      {
        line: 2,
        fields: expect.objectContaining({
          id: '7',
          first_name: 'Robert',
          company: 'Barnes & Noble, Inc.',
          title: 'Head of\nOperations',
          aliases: 'Bob;Rob',
        }),
      },
      { line: 5, fields: expect.objectContaining({ id: '8', last_name: 'Lee', state: 'CA' }) },
    ]);
  });

  it('reads a file with a byte order mark and Windows line ends the same as one without', () => {
    // Prepare
    const plain = `${HEADER}\n1,Zoë,Müller,,,,,,,\n`;
    const windows = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(plain.replace(/\n/g, '\r\n'))]);

    // Act
    const fromPlain = parseDirectoryFile(csv(plain), 'csv');
    const fromWindows = parseDirectoryFile(windows, 'csv');

    // Assess
    expect(fromWindows.records).toEqual(fromPlain.records);
    expect(fromWindows.records[0]?.fields.id).toBe('1');
  });

  it('accepts header names in other cases and with spaces', () => {
    const contents = parseDirectoryFile(
      csv('ID,First Name,Last Name,Company,Title,Email,Phone,City,State,Aliases\n1,Jane,Doe,,,,,,,\n'),
      'csv',
    );

    expect(contents.records[0]?.fields).toEqual(
      expect.objectContaining({ first_name: 'Jane', last_name: 'Doe' }),
    );
  });

  it('refuses bytes that are not UTF-8 and names the line', () => {
    const bytes = Buffer.concat([
      csv(`${HEADER}\n1,Jane,Doe,,,,,,,\n2,Zo`),
      Buffer.from([0xeb]),
      csv(',Smith,,,,,,,\n'),
    ]);

    const error = fileError(() => parseDirectoryFile(bytes, 'csv'));

    expect(error.message).toMatch(/^line 3: the file is not valid UTF-8/);
  });

  it('refuses a UTF-16 file with the way to fix it', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')]);

    expect(fileError(() => parseDirectoryFile(bytes, 'csv')).message).toMatch(
      /UTF-16.*save it as "CSV UTF-8"/,
    );
  });

  it('refuses a file without a header', () => {
    const error = fileError(() => parseDirectoryFile(csv('1,Jane,Doe,Acme,CEO,,,,,\n'), 'csv'));

    expect(error.message).toMatch(/^line 1: the header is missing/);
  });

  it('refuses a header that lacks columns, naming them, since a missing column would blank that field', () => {
    const error = fileError(() =>
      parseDirectoryFile(csv('id,first_name,last_name,company\n1,Jane,Doe,Acme\n'), 'csv'),
    );

    expect(error.message).toContain('lacks the columns title, email, phone, city, state, aliases');
  });

  it('refuses an empty file and a file of blank lines', () => {
    expect(fileError(() => parseDirectoryFile(csv(''), 'csv')).message).toMatch(/empty/);
    expect(fileError(() => parseDirectoryFile(csv('\n\n  \n'), 'csv')).message).toMatch(/empty/);
  });

  it('refuses a quote that is never closed, naming the line where the record starts', () => {
    const text = `${HEADER}\n1,Jane,Doe,,,,,,,\n\n2,"John,Doe,,,,,,,\n3,Ann,Lee,,,,,,,\n`;

    const error = fileError(() => parseDirectoryFile(csv(text), 'csv'));

    expect(error.message).toMatch(/^line 4: a quoted field is never closed/);
  });

  it('refuses text after a closing quote, naming the line', () => {
    const text = `${HEADER}\n1,Jane,Doe,,,,,,,\n2,"John"ny,Doe,,,,,,,\n`;

    expect(fileError(() => parseDirectoryFile(csv(text), 'csv')).message).toMatch(/^line 3: a closing quote/);
  });

  it('refuses a quote inside an unquoted field rather than guess where the field ends', () => {
    const text = `${HEADER}\n1,Dwayne "The Rock",Johnson,,,,,,,\n`;

    expect(fileError(() => parseDirectoryFile(csv(text), 'csv')).message).toMatch(
      /^line 2: a quote inside an unquoted field/,
    );
  });

  it('reads doubled quotes inside a quoted field as one quote', () => {
    const contents = parseDirectoryFile(csv(`${HEADER}\n1,"Dwayne ""The Rock""",Johnson,,,,,,,\n`), 'csv');

    expect(contents.records[0]?.fields.first_name).toBe('Dwayne "The Rock"');
  });

  it('rejects a row with the wrong number of fields and keeps the others', () => {
    const contents = parseDirectoryFile(
      csv(`${HEADER}\n1,Jane,Doe,,,,,,,\n2,John,Doe,Acme, Inc.,,,,,,\n`),
      'csv',
    );

    expect(contents.records).toHaveLength(1);
    expect(contents.rejections).toEqual([
      { line: 3, id: '2', reason: expect.stringMatching(/^11 fields where the header has 10/) },
    ]);
  });

  it('warns about unknown columns and suggests the one probably meant', () => {
    const contents = parseDirectoryFile(
      csv(`${HEADER},department,firstName\n1,Jane,Doe,,,,,,,,Sales,Janet\n`),
      'csv',
    );

    expect(contents.warnings).toEqual([
      'line 1: unknown column "department" is ignored',
      'line 1: unknown column "firstName" is ignored (did you mean first_name?)',
    ]);
    expect(contents.records[0]?.fields.first_name).toBe('Jane');
  });

  it('refuses a header that names a column twice', () => {
    expect(fileError(() => parseDirectoryFile(csv(`${HEADER},email\n`), 'csv')).message).toMatch(
      /email appears twice/,
    );
  });
});

describe('parseDirectoryFile with JSON', () => {
  it('reads an array of objects, numbering records from 1', () => {
    const text = JSON.stringify([
      { id: '1', first_name: 'Jane', last_name: 'Doe', aliases: ['Janie'] },
      { id: 2, first_name: 'John', phone: 5125550101 },
    ]);

    const contents = parseDirectoryFile(csv(text), 'json');

    expect(contents.records).toEqual([
      { line: 1, fields: { id: '1', first_name: 'Jane', last_name: 'Doe', aliases: ['Janie'] } },
      { line: 2, fields: { id: 2, first_name: 'John', phone: 5125550101 } },
    ]);
  });

  it('warns about camelCase fields instead of guessing', () => {
    const contents = parseDirectoryFile(csv('[{"id":"1","firstName":"Jane","last_name":"Doe"}]'), 'json');

    expect(contents.warnings).toEqual(['unknown field "firstName" is ignored (did you mean first_name?)']);
  });

  it('rejects elements that are not objects', () => {
    const contents = parseDirectoryFile(csv('[{"id":"1","first_name":"Jane"}, "Bob", null]'), 'json');

    expect(contents.rejections.map((rejection) => rejection.line)).toEqual([2, 3]);
  });

  it('refuses invalid JSON with the line and column', () => {
    const error = fileError(() => parseDirectoryFile(csv('[\n  {"id": "1",}\n]'), 'json'));

    expect(error.message).toMatch(/not valid JSON at line 2, column \d+/);
  });

  it('refuses JSON that is not an array', () => {
    expect(fileError(() => parseDirectoryFile(csv('{"id":"1"}'), 'json')).message).toMatch(
      /array of contacts/,
    );
  });
});

describe('readDirectoryFile', () => {
  it('says which file cannot be read', async () => {
    await expect(readDirectoryFile('/nonexistent/directory.csv')).rejects.toThrow(
      /\/nonexistent\/directory.csv: cannot read the file/,
    );
  });
});

describe('formatOf', () => {
  it('takes the format from the extension and refuses others', () => {
    expect(formatOf('people.CSV')).toBe('csv');
    expect(formatOf('people.json')).toBe('json');
    expect(() => formatOf('people.xlsx')).toThrow(UsageError);
  });
});
