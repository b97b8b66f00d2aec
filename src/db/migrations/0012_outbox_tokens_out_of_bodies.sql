-- Custom migration (drizzle-kit generate --custom): messages queued before outbox.link_token
-- (migration 0009) hold their link's token in the body. Each such body gets the template instead
-- (…/registrations/{{token}}, …/surveys/{{token}}, …/school/applications/{{token}}); a message still
-- pending keeps its token in link_token, so the worker renders the same link when it sends; a sent
-- or failed one keeps none (its message has gone out; the stored copy no longer holds a live link).
UPDATE outbox
SET link_token = CASE WHEN status = 'pending'
                      THEN substring(body from '/(?:registrations|surveys|school/applications)/([A-Za-z0-9_-]{43})')
                      ELSE NULL END,
    body = regexp_replace(body, '(/(?:registrations|surveys|school/applications)/)[A-Za-z0-9_-]{43}', '\1{{token}}', 'g')
WHERE body ~ '/(registrations|surveys|school/applications)/[A-Za-z0-9_-]{43}';
