import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** What Linux says about a process: memory from /proc/<pid>/status, CPU time from stat. */
export interface ProcessSample {
  rssKb: number
  /** VmHWM: the highest RSS the process ever had. */
  peakRssKb: number
  /** utime + stime. */
  cpuMs: number
}

const CLOCK_TICKS_PER_SECOND = clockTicks()

export function sampleProcess(pid: number): ProcessSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return {
    rssKb: statusField(status, 'VmRSS'),
    peakRssKb: statusField(status, 'VmHWM'),
    cpuMs: cpuMs(pid),
  }
}

export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may hold spaces; utime and stime
  // are fields 14 and 15 of the whole line, so 11 and 12 after the state letter.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND
}

/** Proportional set size: private pages plus a share of the pages it shares (node's code). */
export function pssKb(pid: number): number {
  return statusField(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss')
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}

function statusField(text: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)
  if (!match) throw new Error(`no ${name} in /proc`)
  return Number(match[1])
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
}
