import MeetGraph

extension GraphvizRenderer {
    /// Draws `options.view` of `graph` as `format`: ``DOT/picture(of:options:)``, then
    /// ``render(dot:layout:format:)`` with the layout the DOT names.
    ///
    /// - Throws: the errors of both steps, as ``RenderError``.
    public func render(_ graph: AttendanceGraph, options: RenderOptions, format: OutputFormat) throws(RenderError) -> Output {
        try render(dot: DOT.picture(of: graph, options: options), format: format)
    }
}
