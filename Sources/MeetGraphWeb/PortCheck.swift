#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Tries to bind the address before the server starts, to say plainly when the port is taken.
///
/// The server's own bind fails too, but deep inside SwiftNIO with an `IOError`; checking first
/// gives the person a sentence and a port to try instead.
enum PortCheck {
    static func bindable(host: String, port: Int) throws(WebServer.StartError) {
        guard (1...65535).contains(port) else {
            throw .cannotBind(host: host, port: port, reason: "a port is a number from 1 to 65535")
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .cannotBind(host: host, port: port, reason: "unknown host (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(list) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return }  // let the server report it
        defer { close(descriptor) }
        if bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            let code = errno
            if code == EADDRINUSE { throw .portInUse(host: host, port: port) }
            throw .cannotBind(host: host, port: port, reason: String(cString: strerror(code)))
        }
    }
}
