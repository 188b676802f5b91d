/* An instance with its candidates under 'pooled' and their state model, built and freed
 * together: the set-up of the heur/ tests that work on one hand-made model. Include after
 * cmocka.h. */
#ifndef CAREPOOL_TESTS_HEUR_MODEL_FIXTURE_H
#define CAREPOOL_TESTS_HEUR_MODEL_FIXTURE_H

#include "candidates_of.h"
#include "heur/state.h"

typedef struct model_fixture {
    cp_instance *in;
    cp_candidates *c;
    cp_state_model *m;
} model_fixture;

/* Takes a finished instance (tb_finish). */
static inline model_fixture model_fixture_of(cp_instance *in)
{
    model_fixture f = {.in = in, .c = candidates_of(in, "pooled")};
    f.m = cp_state_model_create(f.c);
    return f;
}

static inline void model_fixture_release(model_fixture *f)
{
    cp_state_model_destroy(f->m);
    cp_candidates_destroy(f->c);
    cp_instance_destroy(f->in);
}

#endif
