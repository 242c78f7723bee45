/**
 * One value per process, made on first use and kept on globalThis: the integration tests
 * load a module from its source while the app under test runs the compiled copy of it, and
 * both must find the same open database, uploads and jobs.
 */
export function singleton<Value>(name: string, make: () => Value): Value {
  const registry = globalThis as typeof globalThis & {
    __mingjingSingletons?: Map<string, unknown>;
  };
  registry.__mingjingSingletons ??= new Map();
  if (!registry.__mingjingSingletons.has(name)) registry.__mingjingSingletons.set(name, make());
  return registry.__mingjingSingletons.get(name) as Value;
}
