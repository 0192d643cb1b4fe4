import Foundation
import Hummingbird

/// The page's script and style sheet, shipped as resources and read once. Nothing is fetched
/// from elsewhere: the page works without a network.
enum Assets {
    private static let files: [String: (type: String, bytes: Data)] = {
        var files: [String: (type: String, bytes: Data)] = [:]
        for (name, type) in [("app.js", "text/javascript; charset=utf-8"), ("style.css", "text/css; charset=utf-8")] {
            if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets"),
               let data = try? Data(contentsOf: url) {
                files[name] = (type, data)
            }
        }
        return files
    }()

    static func response(_ name: String) throws -> Response {
        guard let file = files[name] else { throw HTTPError(.notFound) }
        return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "max-age=300"],
                        body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
