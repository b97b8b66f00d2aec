/** Zod schemas of the events core (docs/events-api.md "Events core"): events, rooms, programme, speakers. */
import { z } from 'zod';
import { dbId, idNumber } from '../../server/api-schema.ts';
import { multiLine, noControlChars, singleLine } from '../../server/text.ts';
import { CategorySchema, QuestionSchema } from './attendee-api-schema.ts';

const idNum = idNumber();
export const EventIdParams = z.object({ id: idNum.describe('event id') });
export const RoomParams = z.object({ id: idNum, roomId: idNum });
export const ItemParams = z.object({ id: idNum, itemId: idNum });
export const SpeakerParams = z.object({ id: idNum, speakerId: idNum });
export const SpeakerIdParams = z.object({ id: idNum.describe('speaker id') });

const EVENT_KINDS = ['forum', 'seminar', 'conference'] as const;
const EVENT_STATUSES = ['planned', 'held', 'cancelled'] as const;
const ITEM_KINDS = ['keynote', 'talk', 'panel', 'break', 'other'] as const;

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-09-17T09:30:00+09:00');
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .check(noControlChars())
  .describe('an http(s) address');
type Text = (max: number) => z.ZodString;
/** Korean required, English optional: `singleLine` for titles and names, `multiLine` for descriptions. */
const bi = (max: number, text: Text = singleLine) => z.object({ ko: text(max), en: text(max).optional() }).strict();
const biOptKo = (max: number, text: Text = singleLine) => z.object({ ko: text(max).optional(), en: text(max).optional() }).strict();

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  edition: z.number().int().min(1).max(1000).nullable(),
  title: bi(200),
  description: bi(10_000, multiLine).nullable(),
  startsAt: instant,
  endsAt: instant,
  dateApproximate: z.boolean(),
  venue: bi(200).nullable(),
  streamUrl: httpUrl.nullable(),
  published: z.boolean(),
  planActionId: dbId().nullable(),
};

export const EventBody = z
  .object({
    ...eventFields,
    edition: eventFields.edition.optional(),
    description: eventFields.description.optional(),
    dateApproximate: eventFields.dateApproximate.optional(),
    venue: eventFields.venue.optional(),
    streamUrl: eventFields.streamUrl.optional(),
    published: eventFields.published.optional(),
    planActionId: eventFields.planActionId.optional(),
  })
  .strict();

export const EventPatchBody = z
  .object({ ...eventFields, status: z.enum(EVENT_STATUSES), outcome: bi(10_000, multiLine).nullable() })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change: send at least one field' });

export const EventListQuery = z.object({ kind: z.enum(EVENT_KINDS).optional() });

const biOut = z.object({ ko: z.string(), en: z.string().nullable() });
const biOutNullable = biOut.nullable();

export const EventSummarySchema = z
  .object({
    id: dbId(),
    kind: z.enum(EVENT_KINDS),
    edition: z.number().int().nullable(),
    title: biOut,
    startsAt: z.string(),
    endsAt: z.string(),
    dateApproximate: z.boolean(),
    status: z.enum(EVENT_STATUSES),
    venue: biOutNullable,
    published: z.boolean(),
  })
  .meta({ id: 'EventSummary' });

export const RoomSchema = z.object({ id: dbId(), position: z.number().int(), name: biOut }).meta({ id: 'EventRoom' });
export const ProgrammeItemSchema = z
  .object({
    id: dbId(),
    kind: z.enum(ITEM_KINDS),
    title: biOut,
    description: biOutNullable,
    startsAt: z.string(),
    endsAt: z.string(),
    roomId: dbId().nullable(),
    speakers: z.array(z.object({ id: dbId(), role: z.string().nullable() })),
  })
  .meta({ id: 'EventProgrammeItem' });
const biLoose = z.object({ ko: z.string().nullable(), en: z.string().nullable() });
export const SpeakerSchema = z
  .object({ id: dbId(), name: biOut, affiliation: biLoose.nullable(), bio: biLoose.nullable(), photoUrl: z.string().nullable() })
  .meta({ id: 'EventSpeaker' });

export const EventDetailSchema = EventSummarySchema.extend({
  description: biOutNullable,
  streamUrl: z.string().nullable(),
  outcome: biOutNullable,
  planActionId: dbId().nullable(),
  rooms: z.array(RoomSchema),
  programme: z.array(ProgrammeItemSchema),
  speakers: z.array(SpeakerSchema),
  categories: z.array(CategorySchema).describe('registration categories (as GET /api/events/:id/categories)'),
  questions: z.array(QuestionSchema).describe('custom registration questions (as GET /api/events/:id/questions)'),
}).meta({ id: 'EventDetail' });

export const RoomBody = z.object({ name: bi(100), position: z.number().int().min(0).max(1000).optional() }).strict();
export const RoomPatchBody = RoomBody.partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change' });

const itemSpeakers = z.array(z.object({ speakerId: dbId(), role: singleLine(50).optional() }).strict()).max(50);
export const ProgrammeBody = z
  .object({
    kind: z.enum(ITEM_KINDS),
    title: bi(200),
    description: bi(5000, multiLine).optional(),
    startsAt: instant,
    endsAt: instant,
    roomId: dbId().nullable().optional(),
    speakers: itemSpeakers.optional(),
  })
  .strict();
export const ProgrammePatchBody = z
  .object({
    kind: z.enum(ITEM_KINDS),
    title: bi(200),
    description: bi(5000, multiLine).nullable(),
    startsAt: instant,
    endsAt: instant,
    roomId: dbId().nullable(),
    speakers: itemSpeakers,
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change' });

export const SpeakerBody = z.object({ name: bi(100), affiliation: biOptKo(200).optional(), bio: biOptKo(5000, multiLine).optional() }).strict();
export const SpeakerPatchBody = z
  .object({ name: bi(100), affiliation: biOptKo(200).nullable(), bio: biOptKo(5000, multiLine).nullable() })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change' });
