-- What the receiving system called the delivered message (Slack: channel and ts), so a later change of the
-- subject can update that message instead of posting a new one.
ALTER TABLE outlay.action_delivery ADD COLUMN external_ref text;
