// Starts the Firestore emulator of @firestore-emulator/server on 127.0.0.1 and the port in argv[2].
// FirestoreEmulator (the Java test helper) waits for the READY line on stdout before it connects.
import { ServerCredentials } from '@grpc/grpc-js';
import { FirestoreServer } from '@firestore-emulator/server';

const port = Number.parseInt(process.argv[2] ?? '', 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`invalid port "${process.argv[2] ?? ''}": usage: node server.mjs PORT`);
  process.exit(2);
}

const emulator = new FirestoreServer();

// FirestoreServer.start(port) binds 0.0.0.0 in 0.3.15. The tests need no other interface,
// so this binds the package's own gRPC server (a TypeScript-private field) to loopback only.
function bindLoopback() {
  return new Promise((resolve, reject) => {
    emulator.server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error) =>
      error ? reject(error) : resolve(),
    );
  });
}

try {
  await bindLoopback();
} catch (error) {
  console.error(`failed to start the Firestore emulator on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
}
console.log(`READY firestore-emulator 127.0.0.1:${port}`);

function stop() {
  emulator.stop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The Java side closes stdin when it is done or dies, so the emulator never outlives the tests.
process.stdin.on('end', stop);
process.stdin.resume();
