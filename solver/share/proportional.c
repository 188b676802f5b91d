/* Proportional sharing of a total by non-negative weights. */
#include "share/proportional.h"

void cp_share_proportional(int n, double total, const double *weight, double *share)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += weight[i];
    for (int i = 0; i < n; i++)
        share[i] = sum > 0 ? total * weight[i] / sum : total / n;
}
