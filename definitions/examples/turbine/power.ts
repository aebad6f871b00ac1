/**
 * The turbine's power from the wind, after VIKTOR's wind-turbine sample: the wind's kinetic power
 * through the swept area πR², times the power coefficient, from a cut-in speed of 8 km/h. (The
 * sample computes the area as π(R/4)²; a rotor sweeps πR².) The air's density is the ISA
 * standard atmosphere's at the altitude, in the troposphere (to 11 km; Everest is 8.85 km).
 */

const SEA_LEVEL = { temperature: 288.15, pressure: 101_325 } as const; // K, Pa
const LAPSE_RATE = 0.0065; // K/m
const GAS_CONSTANT = 287.05287; // J/(kg K), dry air
const GRAVITY = 9.80665; // m/s²
const EARTH_RADIUS = 6_356_766; // m, ISA's for geopotential altitude

export const CUT_IN_KMH = 8;

/** Air density in kg/m³ at a geometric altitude in metres (ISA: 1.225 at sea level). */
export function airDensity(altitude: number): number {
  const geopotential = (EARTH_RADIUS * altitude) / (EARTH_RADIUS + altitude);
  const temperature = SEA_LEVEL.temperature - LAPSE_RATE * geopotential;
  const pressure = SEA_LEVEL.pressure * (temperature / SEA_LEVEL.temperature) ** (GRAVITY / (LAPSE_RATE * GAS_CONSTANT));
  return pressure / (GAS_CONSTANT * temperature);
}

/** Power in kW at a wind speed in km/h. */
export function power(
  windKmh: number,
  { radius, altitude, powerCoefficient }: { radius: number; altitude: number; powerCoefficient: number },
): number {
  if (windKmh < CUT_IN_KMH) return 0;
  const speed = (windKmh - CUT_IN_KMH) / 3.6; // m/s
  return (0.5 * airDensity(altitude) * Math.PI * radius ** 2 * powerCoefficient * speed ** 3) / 1000;
}
