-- Tableau de bord (fr.conventionent.dashboard): the durations of the circuit's steps are read from the engine's
-- history of tasks ended in a period, joined to the convention by the root instance; the reasons of rejection from
-- the history of the motifRejet variable, tied to the rejecting step by its activity instance. These indexes let
-- PostgreSQL read both from the index alone (measured by DashboardBenchmark). PostgreSQL only (Flyway): on H2 the
-- engine creates its tables after the application's scripts, and the demo holds a few conventions.
CREATE INDEX IF NOT EXISTS tableau_de_bord_taches ON act_hi_taskinst (end_time_, task_def_key_)
    INCLUDE (root_proc_inst_id_, duration_, act_inst_id_, id_);
CREATE INDEX IF NOT EXISTS tableau_de_bord_motifs ON act_hi_detail (name_, act_inst_id_) INCLUDE (text_);
