"""Listens on a BFF's live channel as a mobile app does (docs/live-updates.md) and writes every text
message to a file, one per line, until it is stopped or SECONDS have passed. The smoke test uses it to see
what another person's app receives live. Standard library only: a plain WebSocket client, enough for
text frames, pings and close.

    python3 live-listen.py http://127.0.0.1:8081 TOKEN SECONDS OUT
"""
import base64
import os
import socket
import struct
import sys
import time
from urllib.parse import urlparse

PROTOCOL = "garage-live.v2"


def connect(base, token):
    url = urlparse(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=5)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /ws/v1/live HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"Sec-WebSocket-Protocol: {PROTOCOL}\r\nAuthorization: Bearer {token}\r\n\r\n").encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = sock.recv(4096)
        if not chunk:
            sys.exit("the live channel closed during the handshake")
        answer += chunk
    head, rest = answer.split(b"\r\n\r\n", 1)
    status = head.split(b"\r\n", 1)[0]
    if b" 101 " not in status:
        sys.exit(f"the live channel refused the handshake: {status.decode()}")
    return sock, rest


def send(sock, opcode, payload):
    mask = os.urandom(4)
    masked = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
    sock.sendall(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked)


def frames(sock, pending, deadline):
    """Yields (opcode, payload) of whole frames until the deadline."""
    def take(count):
        nonlocal pending
        while len(pending) < count:
            sock.settimeout(max(0.1, deadline - time.time()))
            chunk = sock.recv(65536)
            if not chunk:
                raise EOFError
            pending += chunk
        taken, pending = pending[:count], pending[count:]
        return taken

    while time.time() < deadline:
        first, second = take(2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack(">H", take(2))[0]
        elif length == 127:
            length = struct.unpack(">Q", take(8))[0]
        yield first & 0x0F, take(length)


def main():
    base, token, seconds, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    sock, pending = connect(base, token)
    with open(out, "a", encoding="utf-8") as messages:
        try:
            for opcode, payload in frames(sock, pending, time.time() + seconds):
                if opcode == 0x1:
                    messages.write(payload.decode("utf-8").replace("\n", " ") + "\n")
                    messages.flush()
                elif opcode == 0x9:
                    send(sock, 0xA, payload)
                elif opcode == 0x8:
                    break
        except (EOFError, socket.timeout, OSError):
            pass


if __name__ == "__main__":
    main()
