import { keepUntilAnswered, runInRequestScope, settleKeptWork } from '../../lambda/src/request-scope';

describe('work kept until the answer', () => {
  it('waits for work kept while it waits, as for work kept before', async () => {
    // Prepare: the first work, once done, keeps a second one that ends a few turns later.
    const scope = { logFields: {}, unsettled: [] as Promise<unknown>[] };
    const ended: string[] = [];
    const turns = async (count: number) => {
      for (let turn = 0; turn < count; turn += 1) await new Promise(setImmediate);
    };
    runInRequestScope(scope, () => {
      keepUntilAnswered(
        turns(2).then(() => {
          ended.push('first');
          keepUntilAnswered(turns(5).then(() => ended.push('kept meanwhile')));
        }),
      );
    });

    // Act
    await settleKeptWork(scope);

    // Assess
    expect(ended).toEqual(['first', 'kept meanwhile']);
  });

  it('says whether anything will wait: not outside a request', async () => {
    // Act
    const outside = keepUntilAnswered(Promise.resolve());
    const inside = runInRequestScope({ logFields: {}, unsettled: [] }, () =>
      keepUntilAnswered(Promise.resolve()),
    );

    // Assess
    expect(outside).toBe(false);
    expect(inside).toBe(true);
  });
});
