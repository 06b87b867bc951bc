import {
  DeployError,
  nextSteps,
  regionOfArn,
  skillIdFromAskStates,
  skillIdInArgs,
  withEndpoint,
} from '../../../scripts/deploy-steps';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:FrontDesk-BackendHandler-abc';
const SKILL_ID = 'amzn1.ask.skill.00000000-1111-2222-3333-444444444444';

describe('skillIdInArgs', () => {
  it.each([
    [['-c', `skillId=${SKILL_ID}`], SKILL_ID],
    [['--context', `skillId=${SKILL_ID}`, '--profile', 'office'], SKILL_ID],
    [[`--context=skillId=${SKILL_ID}`], SKILL_ID],
    [['-c', 'alarmEmail=ops@example.com'], undefined],
    [['--profile', 'skillId=not-context'], undefined],
    [[], undefined],
  ])('finds the skill ID in %j', (args, expected) => {
    // Act
    const found = skillIdInArgs(args);
    // Assess
    expect(found).toBe(expected);
  });
});

describe('skillIdFromAskStates', () => {
  it('reads the skill ID that `ask deploy` stored for the default profile', () => {
    // Act
    const found = skillIdFromAskStates({
      askcliStatesVersion: '2020-03-31',
      profiles: { default: { skillId: SKILL_ID } },
    });
    // Assess
    expect(found).toBe(SKILL_ID);
  });

  it.each([[{ profiles: { default: { skillId: '' } } }], [{ profiles: {} }], [null]])(
    'finds none in %j',
    (states) => {
      // Act
      const found = skillIdFromAskStates(states);
      // Assess
      expect(found).toBeUndefined();
    },
  );
});

describe('withEndpoint', () => {
  it("points the custom skill's endpoint at the function and leaves the rest of the manifest alone", () => {
    // Prepare
    const skillJson = {
      manifest: {
        publishingInformation: { locales: { 'en-US': { name: 'Front Desk' } } },
        apis: { custom: { endpoint: { uri: 'https://example.com/alexa', sslCertificateType: 'Wildcard' } } },
        manifestVersion: '1.0',
      },
    };
    // Act
    const { skillJson: updated, previousUri } = withEndpoint(skillJson, ARN);
    // Assess
    expect(updated).toEqual({
      manifest: {
        publishingInformation: { locales: { 'en-US': { name: 'Front Desk' } } },
        apis: { custom: { endpoint: { uri: ARN } } },
        manifestVersion: '1.0',
      },
    });
    expect(previousUri).toBe('https://example.com/alexa');
    expect(skillJson.manifest.apis.custom.endpoint.uri).toBe('https://example.com/alexa');
  });

  it('adds the endpoint when the manifest has none yet', () => {
    // Act
    const { skillJson, previousUri } = withEndpoint({ manifest: { apis: { custom: {} } } }, ARN);
    // Assess
    expect(skillJson).toEqual({ manifest: { apis: { custom: { endpoint: { uri: ARN } } } } });
    expect(previousUri).toBeUndefined();
  });

  it('refuses a manifest that is not a custom skill', () => {
    // Act
    const update = () => withEndpoint({ manifest: { apis: { smartHome: {} } } }, ARN);
    // Assess
    expect(update).toThrow(DeployError);
    expect(update).toThrow(/no manifest.apis.custom/);
  });
});

describe('regionOfArn', () => {
  it('reads the region of a function ARN', () => {
    // Assess
    expect(regionOfArn(ARN)).toBe('us-east-1');
  });

  it('refuses what is not an ARN', () => {
    // Assess
    expect(() => regionOfArn('FrontDesk-BackendHandler')).toThrow(DeployError);
  });
});

describe('nextSteps', () => {
  const outcome = {
    functionArn: ARN,
    directoryTable: 'FrontDesk-BackendDirectoryTable-X',
    usersTable: 'FrontDesk-BackendUsersTable-Y',
    skillJsonUpdated: true,
  };

  it('without a skill ID, says how to create the skill and then lock the trigger to it', () => {
    // Act
    const text = nextSteps({ ...outcome, skillId: undefined }).join('\n');
    // Assess
    expect(text).toMatch(/Create the skill/);
    expect(text).toContain('npm run deploy -- -c skillId=amzn1.ask.skill.<id>');
    expect(text).not.toMatch(/WARNING/);
  });

  it('with a skill ID, gives the commands that send the manifest, and how to test in the console', () => {
    // Act
    const text = nextSteps({ ...outcome, skillId: SKILL_ID }).join('\n');
    // Assess
    expect(text).toContain(
      `ask smapi update-skill-manifest -s ${SKILL_ID} -g development --manifest "file:skill-package/skill.json"`,
    );
    expect(text).toMatch(/Test tab/);
  });

  it('says how to load the directory into the deployed tables', () => {
    // Act
    const text = nextSteps({ ...outcome, skillId: SKILL_ID }).join('\n');
    // Assess
    expect(text).toContain('--endpoint https://dynamodb.us-east-1.amazonaws.com --region us-east-1');
    expect(text).toContain(
      '--directory-table FrontDesk-BackendDirectoryTable-X --users-table FrontDesk-BackendUsersTable-Y',
    );
  });

  it('warns when the function is in a region Alexa cannot trigger', () => {
    // Act
    const text = nextSteps({
      ...outcome,
      functionArn: ARN.replace('us-east-1', 'eu-central-1'),
      skillId: SKILL_ID,
    });
    // Assess
    expect(text[0]).toMatch(/WARNING: the function is in eu-central-1/);
  });

  it('says where to put the ARN when there is no skill.json to update', () => {
    // Act
    const text = nextSteps({ ...outcome, skillJsonUpdated: false, skillId: SKILL_ID }).join('\n');
    // Assess
    expect(text).toMatch(/skill.json was not found.*developer console/);
  });
});
