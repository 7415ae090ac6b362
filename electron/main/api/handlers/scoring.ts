/** Handlers of the scoring and rubric procedures: thin calls into electron/main/scoring and rubric/. */
import { DxError } from '@shared/api/errors';
import type { scoringProcedures } from '@shared/api/procedures/scoring';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { findPack, getRubricPack, listPacks } from '../../rubric/pack-store';
import { defaultDingRubricRef, defaultStarRubricRef } from '../../rubric/default-packs';
import { scoreAssessment } from '../../scoring/score-assessment';

type ScoringHandlers = Pick<HandlerMap, keyof typeof scoringProcedures>;

export function scoringHandlers(services: CoreServices): ScoringHandlers {
  return {
    'scoring.preview': (input) =>
      scoreAssessment(
        getRubricPack(services.db, input.rubric),
        {
          unit: input.unit,
          answers: input.answers,
          history: { previousStars: input.previousStars, lastVetoOn: input.lastVetoOn },
          assessedOn: input.assessedOn,
        },
        { draft: true },
      ),
    'rubric.list': () => ({ packs: listPacks(services.db), defaultRefs: [defaultStarRubricRef, defaultDingRubricRef] }),
    'rubric.get': ({ ref }) => {
      const found = findPack(services.db, ref);
      if (found === undefined) throw new DxError('NOT_FOUND', `Rubric pack ${ref} is not in this database`, { ref });
      return { ...found.summary, pack: found.pack };
    },
  };
}
