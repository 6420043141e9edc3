-- Which engine formed and decided a run's charge groups: the service itself, or the Spark bulk-allocation job.
ALTER TABLE outlay.allocation_run ADD COLUMN engine text NOT NULL DEFAULT 'service'
    CONSTRAINT allocation_run_engine_check CHECK (engine IN ('service', 'spark'));
