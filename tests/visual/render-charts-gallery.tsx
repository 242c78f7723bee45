import { sampleCharts } from "../fixtures/chart-fixtures";

/** Every sample chart on one page; rendered by the server half and hydrated by the client half. */
export function Gallery() {
  return (
    <main className="page">
      <h1>图表样例 Chart gallery</h1>
      {sampleCharts().map(({ name, element }) => (
        <section key={name} id={name} className="gallery-item">
          {element}
        </section>
      ))}
    </main>
  );
}
