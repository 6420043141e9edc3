-- Jira's status category (new, indeterminate, done) beside the status name: names are per workflow and language,
-- the category is what the sync acts on, and a link already in "done" is not polled again.
ALTER TABLE outlay.external_link ADD COLUMN external_status_category text;
