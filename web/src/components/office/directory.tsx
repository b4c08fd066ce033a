'use client';

import { listAll } from '../../lib/list-all';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Department, OrgTree, TenantConfigRecord } from '@beatlink/shared';
import { describeError } from '../../lib/api-error';
import { unitNames, unitOptions } from '../../lib/org-tree';
import type { Lookups, OptionSource, SelectOption } from '../../resources/model';
import { useSession } from './session';

export interface Directory {
  tree?: OrgTree;
  departments: Department[];
  /** Most workstations one office may oversee (the county's configuration, once read). */
  maxWorkstationsPerOffice?: number;
  /** The county's time zone, once its configuration is read. */
  timeZone?: string;
  loading: boolean;
  error?: string;
  reload(): Promise<void>;
  options(source: OptionSource): readonly SelectOption[];
  lookups: Lookups;
}

const DirectoryContext = createContext<(Directory & { ensureLoaded(): void }) | undefined>(undefined);


/**
 * The county's organisation tree, departments and configuration, loaded once on first use and
 * shared by the pages (tree, selects, names in tables).
 */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const { api, can } = useSession();
  const [tree, setTree] = useState<OrgTree>();
  const [departments, setDepartments] = useState<Department[]>([]);
  const [config, setConfig] = useState<Pick<TenantConfigRecord, 'timeZone' | 'directory'>>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const started = useRef(false);

  const reload = useCallback(async () => {
    if (!can('directory.read')) return;
    setLoading(true);
    setError(undefined);
    try {
      const [nextTree, nextDepartments, nextConfig] = await Promise.all([
        api.get<OrgTree>('/directory/tree'),
        listAll<Department>((cursor) => api.get('/directory/departments', { limit: 200, cursor })),
        can('config.read') ? api.get<TenantConfigRecord>('/config').catch(() => undefined) : Promise.resolve(undefined),
      ]);
      setTree(nextTree);
      setDepartments(nextDepartments);
      if (nextConfig) setConfig(nextConfig);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, can]);

  const ensureLoaded = useCallback(() => {
    if (started.current) return;
    started.current = true;
    void reload();
  }, [reload]);

  const value = useMemo(() => {
    const units = tree ? unitOptions(tree) : { stations: [], offices: [], workstations: [] };
    const names = tree ? unitNames(tree) : new Map<string, string>();
    const departmentOptions = departments.filter((d) => d.status === 'active').map((d) => ({ value: d.id, label: d.name }));
    const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
    const lookups: Lookups = {
      unitName: (id) => (id ? names.get(id) : undefined),
      departmentName: (id) => (id ? departmentNames.get(id) : undefined),
      officerName: (id) => (id && tree ? tree.officers[id]?.name : undefined),
    };
    return {
      tree,
      departments,
      maxWorkstationsPerOffice: config?.directory.maxWorkstationsPerOffice,
      timeZone: config?.timeZone,
      loading,
      error,
      reload,
      ensureLoaded,
      lookups,
      options: (source: OptionSource) => (source === 'departments' ? departmentOptions : units[source]),
    };
  }, [tree, departments, config, loading, error, reload, ensureLoaded]);

  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

/** The shared directory data; loads it on first use. */
export function useDirectory(): Directory {
  const directory = useContext(DirectoryContext);
  if (!directory) throw new Error('useDirectory outside <DirectoryProvider>');
  const { ensureLoaded } = directory;
  useEffect(() => ensureLoaded(), [ensureLoaded]);
  return directory;
}
