#ifndef MEETGRAPH_CGRAPHVIZ_SHIM_H
#define MEETGRAPH_CGRAPHVIZ_SHIM_H
// The parts of libgvc/libcgraph (Debian's Graphviz 2.42, reporting 2.43) that MeetGraphRender calls,
// with small wrappers for what Swift cannot call directly.
#include <stddef.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// Sets a graph attribute, declaring it when new. `agsafeset` takes non-const `char *` parameters
/// that Swift would otherwise make callers pass as mutable buffers; it only reads them.
static inline int meetgraph_set_graph_attribute(Agraph_t *graph, const char *name, const char *value) {
    return agsafeset(graph, (char *)name, (char *)value, (char *)"");
}

/// Lays out and renders `graph` to memory. `gvRenderData`'s length is `unsigned int *` in this Graphviz
/// (`size_t *` from Graphviz 2.49 on): this is the one place that knows, and it always hands back a `size_t`.
static inline int meetgraph_render_data(GVC_t *context, Agraph_t *graph, const char *format,
                                        char **result, size_t *length) {
    unsigned int count = 0;
    int status = gvRenderData(context, graph, format, result, &count);
    *length = (size_t)count;
    return status;
}

#endif
