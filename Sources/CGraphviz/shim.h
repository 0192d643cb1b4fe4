#ifndef MEETGRAPH_CGRAPHVIZ_SHIM_H
#define MEETGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
