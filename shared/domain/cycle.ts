/** 周期: the assessment year. One range for every door, the same as the database's CHECK. */
import { z } from 'zod';

export const firstCycle = 2000;
export const lastCycle = 2100;
export const CycleSchema = z.number().int().min(firstCycle, `a cycle is a year from ${firstCycle} to ${lastCycle}`).max(lastCycle, `a cycle is a year from ${firstCycle} to ${lastCycle}`);

/** Cycles a unit's star stays valid after the one it was awarded in (a certificate runs to the end of the next cycle). */
export const starValidCycles = 1;
