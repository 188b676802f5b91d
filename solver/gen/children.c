/* The children's recipe: children looked after by the members, then the services around
 * their placements, and the settings of children's commissioning. */
#include "gen/children.h"
#include "gen/recipes.h"

void cp_gen_children(cp_gen_draft *draft, uint64_t seed, double scale)
{
    cp_gen_children_people(draft, seed, scale);
    cp_gen_children_services(draft, seed);
    /* Settings: see instances/README.md for the reasons. */
    cp_gen_add_setting(draft, "distance_weight", "3");
    cp_gen_add_setting(draft, "spot_cost", "15000");
    cp_gen_add_setting(draft, "preference_cost", "500");
    cp_gen_add_setting(draft, "move_cost", "1000");
    cp_gen_add_setting(draft, "contract_cost", "150");
    cp_gen_add_setting(draft, "min_rating", "requires_improvement");
    cp_gen_add_setting(draft, "local_km", "32");
}
