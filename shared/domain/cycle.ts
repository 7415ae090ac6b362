/** 周期: the assessment year. One range for every door, the same as the database's CHECK. */
import { z } from 'zod';

export const firstCycle = 2000;
export const lastCycle = 2100;
export const CycleSchema = z.number().int().min(firstCycle, `a cycle is a year from ${firstCycle} to ${lastCycle}`).max(lastCycle, `a cycle is a year from ${firstCycle} to ${lastCycle}`);
