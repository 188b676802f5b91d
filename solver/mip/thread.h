/* GLPK keeps one environment per thread (thread-local storage); a worker thread that solved
 * with GLPK frees its own before it ends. */
#ifndef CAREPOOL_MIP_THREAD_H
#define CAREPOOL_MIP_THREAD_H

/* Frees the calling thread's GLPK environment (glp_free_env); harmless when the thread never
 * used GLPK. Call at the end of a worker thread, after its last solve. */
void cp_mip_thread_release(void);

#endif
